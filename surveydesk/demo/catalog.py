"""Realistic study content for the demo market: who publishes what, for how long, for how much.

The demo has to look like a real market, including its rough edges: some titles carry markup, entities or
spreadsheet formulas, because real servers send them and a UI must show them as plain text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from surveydesk.core.money import Money


@dataclass(frozen=True, slots=True)
class Researcher:
    """Who publishes a study; the id stays the same across all of their studies."""

    id: str
    name: str
    country: str


@dataclass(frozen=True, slots=True)
class Study:
    """One study as any platform would describe it; frozen, so a snapshot stays true while it is encoded."""

    id: str
    title: str
    description: str
    researcher: Researcher
    reward: Money
    minutes: int
    average_seconds: int
    max_minutes: int
    devices: tuple[str, ...]
    peripherals: tuple[str, ...]
    labels: tuple[str, ...]
    inferred_labels: tuple[str, ...]
    total_places: int
    places_taken: int
    max_per_participant: int
    created_at: datetime
    published_at: datetime
    confidential: bool
    ongoing: bool
    custom_screening: bool
    collects_pii: bool

    @property
    def places_left(self) -> int:
        return self.total_places - self.places_taken

    @property
    def reward_per_hour(self) -> Money:
        """What the reward pays per hour at the estimated time, rounded as the desk itself rounds it."""
        rate = self.reward.per_hour(self.minutes)
        assert rate is not None  # minutes is always positive here
        return rate


@dataclass(frozen=True, slots=True)
class _Kind:
    """A family of studies that share a shape: titles, duration, devices and what they ask for."""

    titles: tuple[str, ...]
    description: str
    minutes: tuple[int, int]
    labels: tuple[str, ...]
    devices: tuple[tuple[str, ...], ...]
    peripherals: tuple[str, ...] = ()
    collects_pii: bool = False


_ANY_DEVICE = ("desktop", "mobile", "tablet")
_KINDS = (
    _Kind(
        titles=(
            "Short survey about {topic}",
            "Your views on {topic}",
            "A quick questionnaire on {topic}",
            "Attitudes towards {topic} (UK residents)",
            "Opinions about {topic}",
        ),
        description=(
            "A questionnaire of about {minutes} minutes about {topic}. There are no right or wrong answers."
        ),
        minutes=(2, 15),
        labels=("survey",),
        devices=(_ANY_DEVICE, ("desktop", "tablet"), ("desktop",)),
    ),
    _Kind(
        titles=(
            "Decision making study",
            "Choices under uncertainty",
            "A game about sharing money with others",
            "Investment decisions in {rounds} rounds",
        ),
        description="You will make a series of choices; some of them may earn you a small bonus.",
        minutes=(8, 30),
        labels=("decision_making_task",),
        devices=(("desktop",),),
    ),
    _Kind(
        titles=(
            "Rate images of {thing}",
            "Which face looks more trustworthy?",
            "Judge short video clips about {topic}",
        ),
        description="You will see {rounds} items and rate each of them on a simple scale.",
        minutes=(5, 20),
        labels=("annotation",),
        devices=(("desktop", "tablet"), ("desktop",)),
    ),
    _Kind(
        titles=(
            "Listening study: rate short speech clips",
            "Music and emotion",
            "How clear is this voice? (headphones needed)",
        ),
        description=(
            "Please use headphones in a quiet room. You will listen to short audio clips and answer questions."
        ),
        minutes=(10, 25),
        labels=("other",),
        devices=(("desktop",), ("desktop", "tablet")),
        peripherals=("audio",),
    ),
    _Kind(
        titles=(
            "Record a short video about {topic}",
            "Video interview: everyday life and {topic}",
        ),
        description=(
            "You will record short answers with your camera and microphone. Recordings are kept confidential."
        ),
        minutes=(10, 30),
        labels=("interview",),
        devices=(("desktop",), _ANY_DEVICE),
        peripherals=("camera", "microphone"),
        collects_pii=True,
    ),
    _Kind(
        titles=(
            "Reaction time experiment",
            "Memory task with letters and numbers",
            "Attention study (keep this tab in focus)",
        ),
        description=(
            "A computer task measuring speed and memory. Please complete it in one sitting without breaks."
        ),
        minutes=(15, 45),
        labels=("other",),
        devices=(("desktop",),),
        peripherals=("download",),
    ),
    _Kind(
        titles=(
            "Write a short story about {topic}",
            "Describe your experience with {thing}",
        ),
        description="You will write two short texts of about 150 words each. Please write in your own words.",
        minutes=(10, 30),
        labels=("writing_task",),
        devices=(("desktop",), ("desktop", "tablet")),
    ),
    _Kind(
        titles=(
            "Compare answers from two AI assistants",
            "Rate AI-generated summaries about {topic}",
        ),
        description="Read pairs of answers written by AI systems and say which is more helpful, and why.",
        minutes=(15, 45),
        labels=("annotation",),
        devices=(("desktop",),),
    ),
)

_TOPICS = (
    "sleep habits",
    "online shopping",
    "climate change",
    "public transport",
    "remote work",
    "social media use",
    "personal finance",
    "food choices",
    "news consumption",
    "exercise routines",
    "smartphone use",
    "local elections",
    "streaming services",
    "healthy ageing",
    "pets and wellbeing",
    "cooking at home",
    "energy bills",
)
_THINGS = ("household objects", "city streets", "faces", "food", "landscapes", "product packaging", "paintings")

# Roughly one title in fifteen carries text a UI must not interpret: markup, entities, formulas, mixed scripts.
_UNTRUSTED_SHARE = 1 / 15
_UNTRUSTED_TITLES = (
    "<b>Quick</b> survey about {topic}",
    "Tom &amp; Jerry: cartoons you watched as a child",
    "=cmd|' /C calc'!A0 Spreadsheet habits survey",
    "Survey <script>alert('x')</script> about {topic}",
    "Café, naïve & résumé: words borrowed from French",
    '50% off? Reactions to "sale" prices & discounts',
    "{{{{7*7}}}} Rate these slogans",
    "+44 Phone habits in the UK",
    "Right-to-left text: استبيان قصير عن {topic}",
)

_RESEARCHERS = (
    ("Behavioural Economics Lab, University of Northbridge", "GB"),
    ("Social Cognition Group, Halden University", "GB"),
    ("Meridian Consumer Insights Ltd", "GB"),
    ("Lumen UX Research", "US"),
    ("Cognitive Ageing Lab", "GB"),
    ("Kestrel Health Analytics", "US"),
    ("Decision Science Unit, Ashford College", "GB"),
    ("Language & Speech Lab", "NL"),
    ("Centre for Media Studies", "DE"),
    ("Dr Amelia Hart", "GB"),
    ("Prof. Daniel Okafor", "GB"),
    ("Jonas Becker", "DE"),
    ("Sofia Marques", "PT"),
    ("Northwind AI Evaluation Team", "US"),
    ("Political Psychology Lab, Westbrook University", "US"),
    ("Maple Street Research", "CA"),
    ("Harbour Marketing Research Pty", "AU"),
    ("Attention & Memory Lab", "GB"),
    ("Équipe Perception, Université de Lorvain", "FR"),
    ("The Wellbeing Project", "GB"),
)
_PAYS_IN_USD = frozenset({"US", "CA"})
_PLACES = (20, 30, 50, 50, 100, 100, 150, 200, 300, 500)


def new_id(rng: random.Random) -> str:
    """A 24-hex-digit id, the shape of Prolific's (MongoDB) object ids."""
    return f"{rng.getrandbits(96):024x}"


def invent_researchers(rng: random.Random) -> tuple[Researcher, ...]:
    return tuple(Researcher(new_id(rng), name, country) for name, country in _RESEARCHERS)


def invent_study(
    rng: random.Random, researchers: tuple[Researcher, ...], published_at: datetime, progress: float
) -> Study:
    """A new study with the share `progress` (0..1) of its places already taken."""
    kind = rng.choice(_KINDS)
    researcher = rng.choice(researchers)
    low, high = kind.minutes
    minutes = low + int((high - low + 1) * rng.random() ** 1.6)  # most studies are short
    words = {
        "topic": rng.choice(_TOPICS),
        "thing": rng.choice(_THINGS),
        "rounds": str(rng.choice((10, 12, 20, 40))),
        "minutes": str(minutes),
    }
    template = rng.choice(_UNTRUSTED_TITLES if rng.random() < _UNTRUSTED_SHARE else kind.titles)
    total = rng.choice(_PLACES)
    labels = kind.labels
    return Study(
        id=new_id(rng),
        title=template.format(**words),
        description=kind.description.format(**words),
        researcher=researcher,
        reward=_reward(rng, minutes, "USD" if researcher.country in _PAYS_IN_USD else "GBP"),
        minutes=minutes,
        average_seconds=int(minutes * 60 * rng.uniform(0.55, 1.05)),
        max_minutes=minutes * 3,
        devices=rng.choice(kind.devices),
        peripherals=kind.peripherals,
        labels=labels,
        inferred_labels=labels if rng.random() < 0.5 else (),
        total_places=total,
        places_taken=min(total - 1, int(total * progress)),
        max_per_participant=1 if rng.random() < 0.95 else 3,
        created_at=published_at - timedelta(seconds=rng.uniform(300, 2 * 86400)),
        published_at=published_at,
        confidential=rng.random() < 0.03,
        ongoing=rng.random() < 0.05,
        custom_screening=rng.random() < 0.1,
        collects_pii=kind.collects_pii,
    )


def _reward(rng: random.Random, minutes: int, currency: str) -> Money:
    """£6 to £16 an hour, often rounded to 5p as researchers do, kept within 40p and £6."""
    minor = round(minutes * rng.uniform(600, 1600) / 60)
    if rng.random() < 0.6:
        minor = 5 * round(minor / 5)
    return Money(min(600, max(40, minor)), currency)
