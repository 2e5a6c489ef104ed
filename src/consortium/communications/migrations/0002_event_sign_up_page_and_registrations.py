"""Events get a public sign-up page (slug, place or online, capacity, open or closed) and their
registrations become the sign-ups themselves: the typed count is replaced by as many rows."""

import django.db.models.deletion
from django.db import migrations, models
from django.utils.text import slugify


def slugs_fill(apps, schema_editor):
    Event = apps.get_model("communications", "Event")
    taken = set()
    for event in Event.objects.order_by("date", "pk"):
        base = slugify(event.title)[:70] or "evenement"
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        event.slug = slug
        event.online = event.kind == "webinar"
        event.save(update_fields=["slug", "online"])


def registrations_keep(apps, schema_editor):
    """A typed count becomes as many anonymous sign-ups, so every figure read from it stays."""
    Event = apps.get_model("communications", "Event")
    Registration = apps.get_model("communications", "Registration")
    for event in Event.objects.filter(registrations__gt=0):
        Registration.objects.bulk_create(
            Registration(
                event=event,
                name=f"Inscription {number}",
                email=f"inscription-{number}@{event.slug}.invalid",
            )
            for number in range(1, event.registrations + 1)
        )


class Migration(migrations.Migration):
    dependencies = [("communications", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="slug",
            # No index yet: PostgreSQL would meet it again when the field becomes unique.
            field=models.SlugField(
                db_index=False,
                default="",
                max_length=80,
                verbose_name="adresse de la page publique",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="event",
            name="place",
            field=models.CharField(blank=True, max_length=255, verbose_name="lieu"),
        ),
        migrations.AddField(
            model_name="event",
            name="online",
            field=models.BooleanField(default=False, verbose_name="en ligne"),
        ),
        migrations.AddField(
            model_name="event",
            name="capacity",
            field=models.PositiveIntegerField(
                blank=True, help_text="Vide : sans limite.", null=True, verbose_name="places"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="registration_open",
            field=models.BooleanField(default=False, verbose_name="inscriptions ouvertes"),
        ),
        migrations.RunPython(slugs_fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="event",
            name="slug",
            field=models.SlugField(
                error_messages={"unique": "Un autre événement a déjà cette adresse."},
                help_text="La fin de l'adresse /evenements/…/ où l'on s'inscrit.",
                max_length=80,
                unique=True,
                verbose_name="adresse de la page publique",
            ),
        ),
        migrations.CreateModel(
            name="Registration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="créé le")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="modifié le")),
                ("name", models.CharField(max_length=200, verbose_name="nom")),
                ("email", models.EmailField(max_length=254, verbose_name="courriel")),
                (
                    "organisation",
                    models.CharField(blank=True, max_length=255, verbose_name="organisation"),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sign_ups",
                        to="communications.event",
                        verbose_name="événement",
                    ),
                ),
            ],
            options={
                "verbose_name": "inscription",
                "verbose_name_plural": "inscriptions",
                "ordering": ["created_at"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("event", "email"),
                        name="registration_one_per_event_and_email",
                        violation_error_message="Cette adresse courriel est déjà inscrite.",
                    )
                ],
            },
        ),
        migrations.RunPython(registrations_keep, migrations.RunPython.noop),
        migrations.RemoveField(model_name="event", name="registrations"),
    ]
