"""ACLED event and sub-event types of an event, from its trigger, weapons and parties.

The trigger gives a default (``event_triggers.tsv``: «غارات» an air strike, «اشتباكات» an armed
clash, «اعتقال» an arrest). The event then refines it the way ACLED's codebook does:

* a weapon named with a generic attack or a casualty report says how it was done
  (``acled_weapons.tsv``: «بقصف مدفعي» shelling, «بعبوة ناسفة» an IED, «انتحاري» a suicide bomb);
* an attack or killing by no remote weapon whose targets are all civilians (or journalists,
  refugees…) is violence against civilians;
* a takeover by state forces is a government regaining territory, by anyone else a non-state
  actor overtaking it;
* a killing with armed parties on both sides is an armed clash.

A killing the article tells nothing more about keeps no type: unknown stays null.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasd.events.triggers import TriggerInfo
from rasd.lang import load_table
from rasd.schema import Party, Weapon

VICTIM_SECTORS = frozenset({"CVL", "JRN", "REF", "IDP"})
NONSTATE_ARMED_SECTORS = frozenset({"REB", "UAF", "ISL", "AQA", "PRM", "INS"})
STATE_SECTORS = frozenset({"MIL", "GOV", "COP", "SPY"})
ARMED_SECTORS = NONSTATE_ARMED_SECTORS | {"MIL", "COP"}
GENERIC_MODES = frozenset({"attack", "kill", "bombard", "explode"})  # how is a weapon's to say
REMOTE = "Explosions/Remote violence"


@cache
def _by_weapon() -> dict[str, tuple[str, str]]:
    """Weapon term -> (event type, sub-event type); the table's order is the precedence."""
    return {r["weapon"]: (r["acled_event_type"], r["acled_sub_event_type"]) for r in load_table("acled_weapons")}


def weapon_sub_event(weapon: str) -> str | None:
    """The ACLED sub-event a weapon makes of an attack («grenade»: Grenade), if it decides one."""
    found = _by_weapon().get(weapon)
    return found[1] if found else None


def sector_of(code: str | None) -> str:
    """The PLOVER sector of an actor code: «IRQPRM» → «PRM», «UAF» → «UAF»."""
    return (code or "")[-3:]


def _sector(party: Party) -> str:
    return sector_of(party.actor_code)


def party_key(party: Party) -> str:
    """What makes two mentions one party: its entity, else its English name, else its words."""
    return party.entity_id or party.name_en or party.text


def acled_types(info: TriggerInfo, weapons: Sequence[Weapon],
                actors: Sequence[Party]) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) of one event; ``(None, None)`` when unknown."""
    default = (info.acled_event_type, info.acled_sub_event_type)
    if info.type != "ASSAULT":
        return default
    table = _by_weapon()
    named = {w.name for w in weapons}
    weapon = next((types for term, types in table.items() if term in named), None)
    if info.mode in GENERIC_MODES and weapon is not None and (info.mode != "explode" or weapon[0] == REMOTE):
        return weapon
    sources = [p for p in actors if p.role == "source"]
    targets = [p for p in actors if p.role == "target"]
    if info.mode == "seize" and sources:
        if all(_sector(p) in STATE_SECTORS for p in sources):
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if info.mode in ("attack", "kill") and targets and all(_sector(p) in VICTIM_SECTORS for p in targets) \
            and default[0] != REMOTE:
        return "Violence against civilians", "Attack"
    if info.mode == "kill" and default[0] is None and sources and targets \
            and all(_sector(p) in ARMED_SECTORS for p in (*sources, *targets)):
        return "Battles", "Armed clash"
    return default
