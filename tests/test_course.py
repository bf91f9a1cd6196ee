"""The shipped course keeps its shape: these checks stop it from quietly shrinking."""

from __future__ import annotations

import pytest

from tests.conftest import COURSE
from tutor.glossary import terms_in
from tutor.kinds.practice import PracticeStep
from tutor.packs.loader import load_pack
from tutor.packs.model import (
    ChoiceStep,
    CommitStep,
    Lesson,
    Pack,
    RateStep,
    ReadStep,
    ReflectStep,
)
from tutor.packs.stats import lesson_stats

LESSON_IDS = ["why", "profile", "netiquette", "footprint", "network", "work", "plan"]
REQUIRED_TERMS = [
    "profile", "feed", "post", "share", "tag", "hashtag", "direct message", "connection",
    "follower", "algorithm", "two-step login", "passkey", "password manager", "phishing",
    "troll", "screenshot", "privacy settings", "public",
]


@pytest.fixture(scope="module")
def course() -> Pack:
    return load_pack(COURSE, builtin=True)



def test_the_course_is_the_seven_lessons_in_order(course: Pack) -> None:
    assert course.id == "first-steps" and course.language == "en"
    assert [lesson.id for lesson in course.lessons] == LESSON_IDS


@pytest.fixture(params=LESSON_IDS)
def lesson(request: pytest.FixtureRequest, course: Pack) -> Lesson:
    found = course.lesson(request.param)
    assert found is not None
    return found


def test_every_lesson_has_objectives_and_about_ten_minutes(lesson: Lesson) -> None:
    assert len(lesson.objectives) >= 2
    assert 8 <= lesson.minutes <= 15
    assert 8 <= len(lesson.steps) <= 15


def test_confidence_is_rated_at_the_start_and_the_end_on_one_statement(lesson: Lesson) -> None:
    first = lesson.steps[0]
    last = next(step for step in reversed(lesson.steps[-2:]) if isinstance(step, RateStep))
    assert isinstance(first, RateStep)
    assert first.statement == last.statement
    assert first.statement.startswith("I feel able to")


def test_three_questions_with_feedback_on_every_option(lesson: Lesson) -> None:
    questions = [step for step in lesson.steps if isinstance(step, ChoiceStep)]
    assert len(questions) >= 3
    for question in questions:
        for option in question.options:
            assert len(option.feedback.split()) >= 4, option.text


def test_the_learner_writes_and_commits(lesson: Lesson) -> None:
    # The learner writes in their own words: a reflection, or a draft in the practice sandbox.
    assert any(isinstance(step, ReflectStep | PracticeStep) for step in lesson.steps)
    assert any(isinstance(step, ReflectStep | PracticeStep) and step.plan
               for step in lesson.steps)
    commits = [step for step in lesson.steps if isinstance(step, CommitStep)]
    assert commits and all(len(step.actions) >= 3 for step in commits)


def test_read_pages_are_short(lesson: Lesson) -> None:
    for step in lesson.steps:
        if isinstance(step, ReadStep):
            assert 20 <= len(step.body.split()) <= 160, step.key


def test_plain_language(lesson: Lesson) -> None:
    stats = lesson_stats(lesson)
    assert stats.lix <= 40, f"{lesson.id}: LIX {stats.lix}"
    assert stats.words >= 600, "a lesson has real teaching in it"


def test_the_glossary_explains_the_beginner_words(course: Pack) -> None:
    assert len(course.glossary) >= 40
    names = {name.casefold() for term in course.glossary for name in (term.term, *term.also)}
    missing = [term for term in REQUIRED_TERMS if term not in names]
    assert not missing
    for term in course.glossary:
        assert 4 <= len(term.meaning.split()) <= 60, term.term


def test_every_lesson_has_words_to_look_up(course: Pack, lesson: Lesson) -> None:
    assert len(terms_in(lesson, course.glossary)) >= 3
