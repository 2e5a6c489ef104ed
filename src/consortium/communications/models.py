"""The centre's communications: followers on its channels, publications, ad campaigns, press
coverage and events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import TimeStampedModel


class Channel(models.TextChoices):
    LINKEDIN = "linkedin", _("LinkedIn")
    FACEBOOK = "facebook", _("Facebook")
    INSTAGRAM = "instagram", _("Instagram")
    TWITTER = "twitter", _("X (Twitter)")
    YOUTUBE = "youtube", _("YouTube")
    GOOGLE_ADS = "google_ads", _("Google Ads")
    WEBSITE = "website", _("site Web")
    NEWSLETTER = "newsletter", _("infolettre")


class PublicationKind(models.TextChoices):
    POST = "post", _("publication")
    NEWSLETTER = "newsletter", _("infolettre")
    PRESS_RELEASE = "press_release", _("communiqué")
    EXPERT_COLUMN = "expert_column", _("chronique d'expert")


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("webinaire")
    CONFERENCE = "conference", _("conférence")
    WORKSHOP = "workshop", _("atelier")
    OTHER = "other", _("autre")


def _known(field: str, choices: type[models.TextChoices], *, blank: bool = False) -> Q:
    condition = Q(**{f"{field}__in": [choice.value for choice in choices]})
    return condition | Q(**{field: ""}) if blank else condition


class FollowerSnapshot(TimeStampedModel):
    """How many people followed one channel on one day."""

    channel = models.CharField(_("canal"), max_length=20, choices=Channel.choices)
    date = models.DateField(_("date"))
    followers = models.PositiveIntegerField(_("abonnés"))

    class Meta:
        ordering = ["channel", "-date"]
        verbose_name = _("relevé d'abonnés")
        verbose_name_plural = _("relevés d'abonnés")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "date"],
                name="follower_snapshot_one_per_channel_and_day",
                violation_error_message=_("Ce canal a déjà un relevé d'abonnés à cette date."),
            ),
            models.CheckConstraint(
                condition=_known("channel", Channel),
                name="follower_snapshot_channel_is_known",
                violation_error_message=_("Canal inconnu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} – {self.date} : {self.followers}"


class Publication(TimeStampedModel):
    """A post on a channel, a newsletter, a press release or an expert's column."""

    kind = models.CharField(_("type"), max_length=20, choices=PublicationKind.choices)
    channel = models.CharField(
        _("canal"),
        max_length=20,
        choices=Channel.choices,
        blank=True,
        help_text=_("Obligatoire pour une publication sur un réseau social."),
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("titre"), max_length=255)
    url = models.URLField(_("adresse Web"), max_length=500, blank=True)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            models.CheckConstraint(
                condition=_known("kind", PublicationKind),
                name="publication_kind_is_known",
                violation_error_message=_("Type de publication inconnu."),
            ),
            models.CheckConstraint(
                condition=_known("channel", Channel, blank=True),
                name="publication_channel_is_known",
                violation_error_message=_("Canal inconnu."),
            ),
            models.CheckConstraint(
                condition=~Q(kind=PublicationKind.POST) | ~Q(channel=""),
                name="publication_post_has_a_channel",
                violation_error_message=_("Une publication sur un réseau social a un canal."),
            ),
        ]
        indexes = [models.Index(fields=["date", "kind"], name="publication_date_kind_idx")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.kind == PublicationKind.POST and not self.channel:
            raise ValidationError(
                {"channel": _("Une publication sur un réseau social a un canal.")}
            )


class AdCampaign(TimeStampedModel):
    """A paid campaign on one channel, possibly for a programme (« PDSA »…)."""

    channel = models.CharField(_("canal"), max_length=20, choices=Channel.choices)
    programme = models.CharField(
        _("programme"),
        max_length=100,
        blank=True,
        help_text=_("p. ex. PDSA ou Accélération-Relance 360°"),
    )
    name = models.CharField(_("nom"), max_length=255)
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"))
    impressions = models.PositiveIntegerField(_("impressions"), default=0)

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = _("campagne publicitaire")
        verbose_name_plural = _("campagnes publicitaires")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="ad_campaign_ends_after_it_starts",
                violation_error_message=_("Une campagne ne peut finir avant de commencer."),
            ),
            models.CheckConstraint(
                condition=_known("channel", Channel),
                name="ad_campaign_channel_is_known",
                violation_error_message=_("Canal inconnu."),
            ),
        ]
        indexes = [models.Index(fields=["start"], name="ad_campaign_start_idx")]

    def __str__(self) -> str:
        return self.name


class PressCoverage(TimeStampedModel):
    """An article about the centre in the press."""

    title = models.CharField(_("titre"), max_length=255)
    outlet = models.CharField(_("média"), max_length=200)
    date = models.DateField(_("date"))
    url = models.URLField(_("adresse Web"), max_length=500, blank=True)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("article de presse")
        verbose_name_plural = _("revue de presse")
        indexes = [models.Index(fields=["date"], name="press_coverage_date_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.outlet})"


class Event(TimeStampedModel):
    """An event the centre organises (a webinar…), with its public sign-up page.

    How many registered is the number of sign-ups (`registrations`), never a typed figure.
    """

    title = models.CharField(_("titre"), max_length=255)
    slug = models.SlugField(
        _("adresse de la page publique"),
        max_length=80,
        unique=True,
        help_text=_("La fin de l'adresse /evenements/…/ où l'on s'inscrit."),
        error_messages={"unique": _("Un autre événement a déjà cette adresse.")},
    )
    date = models.DateField(_("date"))
    kind = models.CharField(
        _("type"), max_length=20, choices=EventKind.choices, default=EventKind.WEBINAR
    )
    place = models.CharField(_("lieu"), max_length=255, blank=True)
    online = models.BooleanField(_("en ligne"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Vide : sans limite.")
    )
    registration_open = models.BooleanField(_("inscriptions ouvertes"), default=False)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        constraints = [
            models.CheckConstraint(
                condition=_known("kind", EventKind),
                name="event_kind_is_known",
                violation_error_message=_("Type d'événement inconnu."),
            ),
        ]
        indexes = [models.Index(fields=["date"], name="event_date_idx")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.online and not self.place.strip():
            raise ValidationError({"place": _("Indiquez le lieu, ou cochez « en ligne ».")})


class Registration(TimeStampedModel):
    """One person signed up for an event on its public page."""

    event = models.ForeignKey(
        Event, verbose_name=_("événement"), on_delete=models.CASCADE, related_name="sign_ups"
    )
    name = models.CharField(_("nom"), max_length=200)
    email = models.EmailField(_("courriel"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                name="registration_one_per_event_and_email",
                violation_error_message=_("Cette adresse courriel est déjà inscrite."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"
