"""The post and profile checks: each one finds what it should and leaves alone what it should.

Every check has drafts that must raise it and drafts that must not, in English and Norwegian,
and both kinds are checked whatever the tutor's language is.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from tutor.checks import AUDIENCES, CHECKS, Finding, check_post, check_profile, headline_limit
from tutor.messages import set_language


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def found(text: str, check: str) -> list[str]:
    return [f.found for f in check_post(text) if f.check == check]


# (check, draft, the words that must be marked)
FLAGGED = [
    ("phone", "Ring meg på 912 34 567 i kveld.", "912 34 567"),
    ("phone", "Mobil: 41234567", "41234567"),
    ("phone", "Kontoret: +47 22 33 44 55", "+47 22 33 44 55"),
    ("phone", "Call Tom on +44 20 7946 0958 tonight.", "+44 20 7946 0958"),
    ("phone", "Our US office: (415) 555-2671.", "(415) 555-2671"),
    ("phone", "Ring 0047 91 23 45 67 fra utlandet.", "0047 91 23 45 67"),
    ("email", "Send it to kari.nordmann@gmail.com please.", "kari.nordmann@gmail.com"),
    ("email", "Skriv til ole-h@firma.no før fredag.", "ole-h@firma.no"),
    ("national_id", "Fødselsnummeret mitt er 15108695088.", "15108695088"),
    ("national_id", "My number is 151086 95088.", "151086 95088"),
    ("national_id", "D-nummeret er 55108610092.", "55108610092"),
    ("card", "Kortet 4111 1111 1111 1111 virker ikke.", "4111 1111 1111 1111"),
    ("card", "Card: 5555-5555-5555-4444", "5555-5555-5555-4444"),
    ("card", "IBAN NO93 8601 1117 947, takk.", "NO93 8601 1117 947"),
    ("address", "Ny adresse: Storgata 3B i Oslo.", "Storgata 3B"),
    ("address", "Vi bor i Kirkeveien 12 nå.", "Kirkeveien 12"),
    ("address", "Fest i Thorvald Meyers gate 12!", "Thorvald Meyers gate 12"),
    ("address", "Come to 12 Oak Street on Friday.", "12 Oak Street"),
    ("away", "Off to Spain for two weeks!", "Off to Spain for two weeks"),
    ("away", "Hele familien er på hytta til søndag.", "på hytta til søndag"),
    ("away", "The house will be empty in July.", "house will be empty"),
    ("away", "Reiser til Kreta i morgen.", "Reiser til Kreta i morgen"),
    ("away", "We'll be away from 3 to 17 August.", "be away from 3 to 17"),
    ("away", "Vi er bortreist fra 3. til 17. juli.", "bortreist"),
    ("health", "My wife was diagnosed last spring.", "diagnosed"),
    ("health", "Kari er sykmeldt med depresjon.", "sykmeldt"),
    ("health", "Han har fått lungekreft.", "lungekreft"),
    ("confidential", "Konfidensielt: nedbemanning før jul.", "Konfidensielt"),
    ("confidential", "This is confidential, but we start a reorganisation.", "confidential"),
    ("confidential", "Her salary is 850 000 a year.", "salary is 850 000"),
    ("confidential", "Han tjener 1,2 mill i året.", "tjener 1,2 mill"),
    ("confidential", "Per was fired on Monday.", "was fired"),
    ("password", "My password is Sommer2024!", "My password is Sommer2024!"),
    ("password", "Koden er 123456.", "Koden er 123456"),
    ("password", "Passord: hund123", "Passord: hund123"),
    ("anger", "THIS IS NOT OK AT ALL", "THIS IS NOT OK AT ALL"),
    ("anger", "Nå er jeg lei!!!", "!!!"),
    ("anger", "HELT UAKSEPTABELT fra kommunen.", "HELT UAKSEPTABELT"),
    ("insult", "Per is an idiot.", "Per is an idiot"),
    ("insult", "Kari er udugelig.", "Kari er udugelig"),
    ("insult", "That idiot Ola forgot again.", "That idiot Ola"),
    ("insult", "Sjefen min er en idiot.", "Sjefen min er en idiot"),
    ("insult", "Per in accounts is completely useless.", "Per in accounts is completely useless"),
]

# (check, a draft that must not raise it)
CLEAN = [
    ("phone", "The meeting is on 12.03.2024 at 14.30."),
    ("phone", "Kurset koster kr 1 299, og 45 % har meldt seg på."),
    ("phone", "Version 3.2.1 is out; we planned it for 2024-2025."),
    ("phone", "Ordrenummer 41234567 er sendt."),
    ("phone", "It was 20240315 in the log."),
    ("phone", "Card 4111 1111 1111 1111 is the test card."),
    ("email", "Follow us @netsteps on every network."),
    ("national_id", "Kundenummer 15108695077 er ugyldig."),
    ("national_id", "Vi solgte 12345678901 kroner i fjor."),
    ("card", "Order 4111 1111 1111 1112 shipped."),
    ("card", "Prosjektnummer 1234 5678 9012 3456."),
    ("address", "The help desk is in room 214."),
    ("address", "Read chapter 12 before Monday."),
    ("address", "Storgata 3 ganger i uka er nok."),
    ("address", "The 5 Easy Ways to post."),
    ("away", "We were in Spain for two weeks last month."),
    ("away", "Vi var på hytta i helga."),
    ("away", "I'm off to a meeting tomorrow."),
    ("away", "Hjemme igjen etter to uker i Spania."),
    ("away", "We were away in July, and it rained."),
    ("health", "Walked for the cancer research fundraiser."),
    ("health", "Gikk Kreftløpet med kolleger i dag."),
    ("health", "A stroke of luck: we won the contract."),
    ("confidential", "Tickets cost $25 and kr 1 299."),
    ("confidential", "Salary negotiations are a skill worth learning."),
    ("confidential", "Internal communications is a great field to work in."),
    ("password", "A strong password is long and unique."),
    ("password", "Passordet mitt er ikke lagret noe sted."),
    ("password", "The code is ready for review."),
    ("password", "Tips: passord: bruk en hel setning."),
    ("anger", "GDPR training for HR and IT with NAV."),
    ("anger", "Thank you!"),
    ("anger", "Are you coming???"),
    ("insult", "Kari did brilliant work on the budget."),
    ("insult", "Per er ikke udugelig, han er ny."),
    ("insult", "Per er en fantastisk kollega."),
    ("insult", "Toget er håpløst i dag."),
    ("insult", "This is useless."),
]


@pytest.mark.parametrize(("check", "text", "words"), FLAGGED)
def test_finds(check: str, text: str, words: str) -> None:
    assert words in found(text, check), check_post(text)


@pytest.mark.parametrize(("check", "text"), CLEAN)
def test_leaves_alone(check: str, text: str) -> None:
    assert found(text, check) == []


def test_every_check_has_examples_both_ways() -> None:
    assert {c for c, _, _ in FLAGGED} == set(CHECKS)
    assert {c for c, _ in CLEAN} == set(CHECKS)


def test_offsets_mark_the_words() -> None:
    text = "Hei!\nRing 912 34 567 eller skriv til kari@firma.no."
    for finding in check_post(text):
        assert text[finding.start:finding.end] == finding.found


def test_findings_come_in_order_without_overlaps() -> None:
    text = ("Per is an idiot. Ring 912 34 567. Kari er sykmeldt. HELT UAKSEPTABELT!!! "
            "koden er 123456. Vi er på hytta til søndag.")
    findings = check_post(text)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for a in findings:
        for b in findings:
            if a is not b and a.check == b.check:
                assert a.end <= b.start or b.end <= a.start


def test_only_the_chosen_checks_run() -> None:
    text = "Ring 912 34 567. Per is an idiot."
    assert {f.check for f in check_post(text, checks=["insult"])} == {"insult"}
    assert check_post(text, checks=[]) == []


def test_unknown_names_are_refused() -> None:
    with pytest.raises(ValueError, match="audience"):
        check_post("hi", audience="the world")
    with pytest.raises(ValueError, match="check"):
        check_post("hi", checks=["regex"])


def test_why_depends_on_the_audience() -> None:
    whys = {audience: check_post("Ring 912 34 567", audience)[0].why for audience in AUDIENCES}
    assert len(set(whys.values())) == 3


def test_texts_follow_the_tutor_language_not_the_draft() -> None:
    english = check_post("Ring meg på 912 34 567")[0]
    set_language("nb")
    norwegian = check_post("Call me on 912 34 567")[0]
    assert english.what.startswith("A phone number")
    assert norwegian.what.startswith("Et telefonnummer")
    assert "«912 34 567»" in norwegian.what
    assert norwegian.fix != english.fix and norwegian.why != english.why


def test_every_text_exists_in_both_languages() -> None:
    from tutor.checks.rules import _read

    for language in ("en", "nb"):
        texts = _read(f"{language}.toml")["texts"]
        for kind, entry in texts.items():
            assert entry["what"] and entry["fix"], (language, kind)
            assert set(entry["why"]) == set(AUDIENCES), (language, kind)


def test_found_words_are_cleaned_in_the_texts() -> None:
    finding = check_post("Ring 912\x1b[31m 34 567 or 912 34 567")[0]
    assert "\x1b" not in finding.what


def test_a_finding_is_frozen() -> None:
    finding = check_post("Ring 912 34 567")[0]
    assert isinstance(finding, Finding)
    with pytest.raises(AttributeError):
        finding.start = 0  # type: ignore[misc]


def test_libraries_are_imported_only_when_a_check_needs_them() -> None:
    code = (
        "import sys\n"
        "import tutor.checks, tutor.cli\n"
        "from tutor.checks import check_post\n"
        "check_post('Kari did brilliant work.', checks=['insult', 'anger'])\n"
        "heavy = [m for m in ('phonenumbers', 'stdnum', 'textual') if m in sys.modules]\n"
        "print(heavy)\n"
        "check_post('Ring 912 34 567, kort 4111 1111 1111 1111')\n"
        "print(sorted(m for m in ('phonenumbers', 'stdnum') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["[]", "['phonenumbers', 'stdnum']"]


# The profile


def profile_checks(headline: str, about: str) -> list[tuple[str, str, str]]:
    return [(f.field, f.check, f.found) for f in check_profile(headline, about)]


def test_a_plain_profile_passes() -> None:
    assert profile_checks("Accountant for small firms in Bergen",
                          "I help small firms keep their books in order.") == []
    assert profile_checks("Regnskapsfører for små bedrifter i Bergen",
                          "Jeg hjelper små bedrifter med regnskapet.") == []


def test_a_long_headline_is_marked_where_it_is_cut() -> None:
    headline = "Senior adviser in public procurement, contracts and supplier follow-up, Bergen"
    findings = [f for f in check_profile(headline, "") if f.check == "length"]
    assert len(findings) == 1
    assert findings[0].start == headline_limit() == 70
    assert findings[0].found == headline[70:]
    assert str(len(headline)) in findings[0].what


def test_only_buzzwords_say_nothing() -> None:
    checks = profile_checks("Passionate guru and thought leader", "")
    assert ("headline", "offer", "Passionate guru and thought leader") in checks
    assert {found for _, check, found in checks if check == "buzzwords"} == {
        "Passionate", "guru", "thought leader"}
    nb = profile_checks("Lidenskapelig tankeleder og ildsjel", "")
    assert {check for _, check, _ in nb} == {"offer", "buzzwords"}


def test_one_buzzword_beside_a_clear_offer_is_fine() -> None:
    assert profile_checks("Passionate project manager", "I lead building projects.") == []


def test_private_details_in_a_profile_are_found_in_their_field() -> None:
    checks = profile_checks("Rådgiver i Bergen", "Ring meg på 912 34 567.")
    assert checks == [("about", "phone", "912 34 567")]
