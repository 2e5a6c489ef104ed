"""Sentences that state a figure: written from the figure, plural by count, decrease when
negative, in French and English."""

from decimal import Decimal

from django.utils import translation

from consortium.reports import sentences

NBSP = "\u00a0"


def test_revenue_growth_reads_as_a_growth():
    assert sentences.revenue_growth(Decimal("2.1")) == (
        f"Le Consortium a connu une croissance de 2{NBSP}% de ses produits totaux."
    )


def test_a_negative_revenue_growth_reads_as_a_decrease():
    assert sentences.revenue_growth(Decimal("-3.2")) == (
        f"Le Consortium a connu une diminution de 3{NBSP}% de ses produits totaux."
    )


def test_revenue_growth_reads_in_english():
    with translation.override("en"):
        assert sentences.revenue_growth(Decimal("2")) == "Total revenue grew by 2%."
        assert sentences.revenue_growth(Decimal("-2")) == "Total revenue fell by 2%."


def test_new_members_are_plural_with_their_growth():
    assert sentences.new_members(27, Decimal("30.0")) == (
        "27 nouvelles organisations sont devenues membres du centre de services partagés, "
        f"représentant une croissance du membrariat de 30{NBSP}%."
    )


def test_one_new_member_is_singular_and_a_shrinking_membership_a_decrease():
    assert sentences.new_members(1, Decimal("-4.0")) == (
        "1 nouvelle organisation est devenue membre du centre de services partagés, "
        f"alors que le membrariat connaît une diminution de 4{NBSP}%."
    )


def test_new_members_read_in_english():
    with translation.override("en"):
        assert sentences.new_members(1, Decimal("30")) == (
            "1 new organisation became a member of the shared-services centre, "
            "a membership growth of 30%."
        )


def test_diversification_is_signed_and_counted():
    assert sentences.diversification(50) == "+50 entreprises"
    assert sentences.diversification(-1) == "-1 entreprise"


def test_revenue_progression_keeps_one_decimal_and_says_decrease():
    sentence = sentences.revenue_progression(Decimal("5.7"), Decimal("-23.7"))
    assert f"une progression de 5,7{NBSP}%" in sentence
    assert f"une diminution de 23,7{NBSP}%" in sentence


def test_the_fully_managed_share_falling_says_revenue_diversifies():
    assert "diminue" in sentences.fully_managed_share(Decimal("59"), Decimal("61"))
    assert "augmente" in sentences.fully_managed_share(Decimal("62"), Decimal("61"))


def test_engagement_compares_with_its_benchmark():
    assert "avantageusement" in sentences.engagement(Decimal("84"), Decimal("76"))
    assert "inférieur" in sentences.engagement(Decimal("70"), Decimal("76"))


def test_experts_trained_and_the_calendar_year_count_in_words_of_the_language():
    assert (
        sentences.experts_trained(30)
        == "30 employés ont suivi une formation au cours de l'exercice."
    )
    with translation.override("en"):
        assert sentences.calendar_year(Decimal("75100"), 300, 2020) == (
            "The Consortium is: 75,100 service hours, 300 enterprises supported in 2020."
        )


def _split(volume: str, price: str) -> dict:
    return {"volume_effect": Decimal(volume), "price_effect": Decimal(price)}


def test_an_increase_driven_by_hours_says_volume_weighs_more_than_rates():
    assert sentences.price_volume(_split("5000", "1500")) == (
        "Il est intéressant d'observer que ces augmentations dépendent davantage du volume de "
        "services que de la tarification."
    )


def test_an_increase_driven_by_rates_says_the_opposite():
    assert sentences.price_volume(_split("500", "2000")) == (
        "Il est intéressant d'observer que ces augmentations dépendent davantage de la "
        "tarification que du volume de services."
    )


def test_a_decrease_driven_by_hours_reads_as_a_decrease():
    assert "ces diminutions dépendent davantage du volume" in sentences.price_volume(
        _split("-3000", "1000")
    )


def test_without_invoices_for_both_years_there_is_no_price_volume_sentence():
    assert sentences.price_volume(None) == ""


def test_the_price_volume_sentence_reads_in_english():
    with translation.override("en"):
        assert sentences.price_volume(_split("5000", "1500")) == (
            "Interestingly, these increases owe more to the volume of services than to pricing."
        )
        assert sentences.price_volume(_split("100", "-2000")) == (
            "Interestingly, these decreases owe more to pricing than to the volume of services."
        )
