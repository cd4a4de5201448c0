"""Heads: the noun a number counts, with partitives, anaphors and bare numbers resolved."""

from __future__ import annotations

from datetime import date

from briefing.framing import Context
from briefing.heads import Carry, Head, find_head, resolve_heads
from briefing.numbers import find_quantities


def heads(text: str, carry: Carry | None = None) -> list[tuple[str, Head]]:
    """(number as written, resolved head) of every quantity of the one-sentence ``text``."""
    quantities = find_quantities(text)
    ctx = Context(text, date(2024, 3, 6), (0, len(text)), None)
    resolved = resolve_heads(text, quantities, ctx, carry or Carry())
    return [(text[q.start : q.end], h) for q, h in zip(quantities, resolved, strict=True)]


def test_head_is_the_noun_after_the_number():
    text = "Hamas still holds 253 hostages in Gaza."
    (quantity,) = find_quantities(text)
    head = find_head(text, quantity, len(text))
    assert (head.cls, head.phrase, head.bare) == ("hostage", "hostages", False)
    assert text[: head.end].endswith("253 hostages")


def test_modifiers_between_number_and_noun_are_kept():
    ((_, prisoners),) = heads("Israel would free 200 imprisoned Palestinians.")
    assert (prisoners.cls, prisoners.phrase, prisoners.modifiers) == (
        "person",
        "imprisoned Palestinians",
        {"prisoner"},
    )
    ((_, dead),) = heads("Israel confirmed 28 dead hostages.")
    assert (dead.cls, dead.phrase, dead.modifiers) == ("hostage", "dead hostages", {"death"})


def test_a_number_with_no_noun_after_it_is_bare():
    [(number, killed)] = heads("Strike on Rafah: 40 killed")
    assert number == "40" and killed.bare and killed.cls is None
    found = heads("The army killed 400 in Gaza and took 30 prisoners.")
    assert [(n, h.cls, h.bare) for n, h in found] == [
        ("400", None, True),
        ("30", "prisoner", False),
    ]


def test_and_starts_a_new_phrase():
    found = heads("Strikes killed 68,000 Palestinians and wounded 170,000.")
    assert [(n, h.cls, h.phrase) for n, h in found] == [
        ("68,000", "person", "Palestinians"),
        ("170,000", None, ""),
    ]


def test_partitive_counts_the_later_numbers_noun():
    text = "Israel said four of the 28 dead hostages were returned."
    (four, _) = find_quantities(text)
    assert find_head(text, four, len(text)).partitive
    assert [(n, h.cls, h.phrase) for n, h in heads(text)] == [
        ("four", "hostage", "dead hostages"),
        ("28", "hostage", "dead hostages"),
    ]


def test_anaphor_counts_what_the_sentence_counted_before():
    found = heads("Militants seized 240 hostages, 29 of whom are believed dead.")
    assert [(n, h.cls, h.phrase, h.anaphor) for n, h in found] == [
        ("240", "hostage", "hostages", False),
        ("29", "hostage", "hostages", True),
    ]


def test_anaphor_with_no_antecedent_in_its_sentence_takes_the_carried_head():
    text = "35-40 of them would be freed."
    carried = Carry(Head("hostage", 0, "hostages"))
    [(_, head)] = heads(text, carried)
    assert (head.cls, head.phrase, head.anaphor) == ("hostage", "hostages", True)
    [(_, alone)] = heads(text)
    assert (alone.cls, alone.anaphor) == (None, True)


def test_compound_units_are_their_own_head():
    found = heads("A three-phase deal and a six-week truce.")
    assert [(n, h.cls, h.phrase) for n, h in found] == [
        ("three-phase", "phase", "phase"),
        ("six-week", "time", "week"),
    ]
