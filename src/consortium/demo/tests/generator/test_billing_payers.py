"""Who pays in the demo: members for themselves, federations for their network, sponsors for
the rest, the rule changing in April 2020 (article 17: every invoiced hour with a member)."""

from consortium.demo.generator.billing.payers import Registry, payer

BEFORE, AFTER = "2019-2020", "2020-2021"
CQCM, FEDERATION, MEMBER, OUTSIDER, LONER, TRESCA, CDRQ, MANAGED = range(1, 9)


def registry() -> Registry:
    codes = {
        CQCM: "CQCM",
        FEDERATION: "FCCTQ",
        MEMBER: "FCCTQ-001",
        OUTSIDER: "FCCTQ-002",
        LONER: "ORG-0001",
        TRESCA: "TRESCA",
        CDRQ: "CDRQ",
        MANAGED: "FQCS",
    }
    members = {
        CQCM: "auxiliary",
        FEDERATION: "user",
        MEMBER: "user",
        TRESCA: "user",
        CDRQ: "auxiliary",
        MANAGED: "fully_managed",
    }
    return Registry(
        federation={FEDERATION: CQCM, MEMBER: FEDERATION, OUTSIDER: FEDERATION, MANAGED: CQCM},
        code=codes,
        categories={BEFORE: members, AFTER: members},
        by_code={code: pk for pk, code in codes.items()},
        has_affiliates={CQCM, FEDERATION},
    )


def test_until_march_2020_a_federation_paid_for_its_network_members_or_not():
    assert payer(registry(), MEMBER, BEFORE) == FEDERATION
    assert payer(registry(), OUTSIDER, BEFORE) == FEDERATION


def test_the_confederation_never_pays_for_federations_and_fully_managed_members_pay_alone():
    assert payer(registry(), FEDERATION, BEFORE) == FEDERATION
    assert payer(registry(), MANAGED, BEFORE) == MANAGED
    assert payer(registry(), MANAGED, AFTER) == MANAGED


def test_from_april_2020_members_pay_for_themselves_and_federations_for_non_members():
    assert payer(registry(), MEMBER, AFTER) == MEMBER
    assert payer(registry(), OUTSIDER, AFTER) == FEDERATION


def test_a_non_member_in_no_federation_is_billed_to_the_sponsor_of_its_day():
    assert payer(registry(), LONER, BEFORE) == TRESCA
    assert payer(registry(), LONER, AFTER) == CDRQ
