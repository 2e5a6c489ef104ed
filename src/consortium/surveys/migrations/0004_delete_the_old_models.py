"""The four models before the engine go: their rows were carried over by 0003."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("surveys", "0003_carry_old_answers_over")]

    operations = [
        migrations.DeleteModel(name="SatisfactionAnswer"),
        migrations.DeleteModel(name="EngagementResponse"),
        migrations.DeleteModel(name="SatisfactionSurvey"),
        migrations.DeleteModel(name="EngagementSurvey"),
    ]
