"""The starter pack that ``netsteps pack new DIR`` writes for a course leader to copy and change.

It is a small, real course (a welcome and a lesson on a first post) that shows every step kind
once, with a plain-words note (a TOML ``#`` comment) above every field. The texts below are pack
content, not interface strings, so they are not translated with the UI. The pack id and title
come from the folder's name. It passes ``netsteps pack check`` exactly as written.
"""

# ruff: noqa: E501 (the starter texts are pack content; a TOML text cannot be broken over lines)

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from tutor.text import clean_line

FALLBACK_ID = "my-pack"
FALLBACK_TITLE = "My pack"
MAX_ID = 64

_ID_MARK = "@PACK_ID@"
_TITLE_MARK = "@PACK_TITLE@"

# Letters that Unicode does not split into a plain letter and an accent.
_TRANSLITERATE = str.maketrans({
    "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
    "ı": "i",
})
_NOT_ID = re.compile(r"[^a-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\"}


class StarterError(Exception):
    """The starter pack cannot be written here; the message says why in one line."""


PACK_TOML = """\
# pack.toml says what this lesson pack is. netsteps reads this file first.
#
# Lines that start with # are notes for you, the author. Learners never see them,
# and you may delete them once you know your way around.
# Text goes between "double quotes". Longer text, over several lines, goes between
# three double quotes, as in the lesson files.
# When you change something, run:  netsteps pack check <this folder>
# It lists every problem, with the file and the place to look.

# The version of the pack format. Leave this at 1.
format = 1

# The pack's id: a short name netsteps uses to tell packs apart and to file each
# learner's progress. Use only lowercase letters, digits, - and _ (no spaces),
# start with a letter or a digit, and use at most 64 characters.
# Do not change it after you hand the pack out: learners' progress is kept under it.
id = "@PACK_ID@"

# The title learners see in their list of courses.
title = "@PACK_TITLE@"

# The language of your text, as a short code: en for English, nb for Norwegian,
# de for German, and so on.
language = "en"

# Your own version number. When you hand out a changed pack, make it higher
# (1.0.0, then 1.1.0, then 2.0.0). Installing a higher version is an upgrade,
# and learners keep their progress.
version = "1.0.0"

# Who wrote the pack: one or more names, each in quotes, with commas between them.
# Learners see these names before they install the pack. Keep the same names in
# later versions: that is how netsteps knows a new version is the same pack.
authors = ["Your name", "Your team or organisation"]

# One or two sentences that learners read before they install the pack.
description = "A short sample course: a welcome, and how to write a good first post. Change the text to make it your own."

# Optional: the oldest netsteps that can show this pack. Most packs leave it out.
# To use it, remove the # at the start of the next line.
# min_netsteps = "0.1"
"""

WELCOME_TOML = """\
# A lesson file. Each lesson is one file in the pack's folder, and the lessons are
# taken in the order of their file names: 01-... comes before 02-...
# Lines that start with # are notes for you. Learners never see them.

# The lesson's id: unique in this pack. Same rules as the pack id: lowercase
# letters, digits, - and _, no spaces. Do not change it after you hand the pack out.
id = "welcome"

# The title, shown in the list of lessons and at the top of each page.
title = "Welcome"

# One or two sentences that say what the lesson is about. Shown in the list of lessons.
summary = "How this course works, and what you would like to get out of it."

# About how long the lesson takes, in minutes: a whole number from 1 to 120.
minutes = 5

# What the learner can do after the lesson. Start each line with a verb.
# Write at least one, each in quotes, with a comma after each line.
objectives = [
  "Take a lesson at your own pace, and stop when you need to",
  "Say in one sentence what you want from this course",
]

# The steps. Each [[steps]] block is one page the learner sees, in the order
# written here. "kind" says what sort of page it is: read, choice, reflect,
# checklist, commit or rate.
# Give every step an "id" (same rules as other ids, unique in this lesson).
# The learner's answers are kept under that id, so you can add or move steps
# later without mixing up answers already given.

# A "rate" step: the learner says how sure they feel, from 1 (not at all)
# to 5 (fully). Put one at the start and the same one at the end of a lesson,
# and the learner sees their confidence grow.
[[steps]]
id = "confidence-before"
kind = "rate"
# The statement to rate. Write it as "I feel able to ...".
statement = "I feel able to take this course at my own pace."

# A "read" step: a short page of text.
[[steps]]
id = "how-it-works"
kind = "read"
# Optional: a title shown above the text.
title = "How this course works"
# The text of the page, between three double quotes. Leave an empty line
# between paragraphs. **Two stars** make a word bold, and a line that starts
# with "- " is an item in a list. Keep it short: one idea per page.
body = \"\"\"
This course has short lessons. Each one takes five to ten minutes.

- **Go at your own pace.** You can stop at any time. Next time, you start where you left off.
- **There are no trick questions.** If you pick a wrong answer, you see why, and you can try again.
- **Your answers stay on this computer.** Nobody else sees them unless you choose to share them.

Some words may be new to you. You can look them up in the glossary at any time.
\"\"\"

# A "choice" step: a question with answers to pick from. Here only one answer
# is right, so "multiple" is false.
[[steps]]
id = "ten-minutes"
kind = "choice"
# The question.
prompt = "You have ten free minutes before a meeting. What is a good way to use them for this course?"
# false: the learner picks one answer, and exactly one option is correct.
# true: the learner ticks every answer they think is right (see the next lesson).
multiple = false

# Each [[steps.options]] block is one answer the learner can pick. It belongs to
# the step above it. Give 2 to 10 options. Keep the step's own fields (prompt,
# multiple) above its first option.
[[steps.options]]
# The answer, as the learner sees it.
text = "Rush through as many lessons as I can"
# Is this answer right? true or false, with no quotes.
correct = false
# Every option needs feedback: what the learner reads after picking it.
# Say why it is right or wrong, kindly. Wrong answers can be tried again.
feedback = "Speed does not help much here. Things stick better when you take one small step and let it sink in."

[[steps.options]]
text = "Start one lesson, and stop when the meeting begins"
correct = true
feedback = "Yes. A lesson keeps your place, so you can stop at any step and go on later."

[[steps.options]]
text = "Wait until I have a whole free afternoon"
correct = false
feedback = "A free afternoon is rare for most of us. Short lessons are made for short breaks, so ten minutes is enough."

# A "reflect" step: the learner writes a few lines in their own words.
[[steps]]
id = "my-goal"
kind = "reflect"
# The question to think about.
prompt = "What would you like to be able to do after this course? Write one or two sentences."
# true: the answer goes into the learner's own action plan. false, or left
# out: it is kept with the lesson only.
plan = true
# Optional: a short example or a way to start, shown under the box.
hint = "For example: “I want to share a short tip from my work once a month.”"

# The same "rate" step as at the start, with its own id.
[[steps]]
id = "confidence-after"
kind = "rate"
statement = "I feel able to take this course at my own pace."
"""

FIRST_POST_TOML = """\
# The second lesson. Rename this file for your own topic (keep the 02- at the
# start, so it comes second) and change the text. The notes in 01-welcome.toml
# explain each field; here they are shorter.

# Unique in this pack: lowercase letters, digits, - and _.
id = "first-post"

title = "Your first post"

summary = "What makes a good first post, and a small plan to write yours."

# A whole number from 1 to 120.
minutes = 10

objectives = [
  "Name two things that make a first post good",
  "Check a post before you share it",
  "Plan when you will write your first post",
]

[[steps]]
id = "confidence-before"
kind = "rate"
statement = "I feel able to write a short, friendly first post."

[[steps]]
id = "good-first-post"
kind = "read"
title = "What makes a good first post"
body = \"\"\"
A post is a short message that others can see and answer. Your first one does not need to be clever.

A good first post is often:

- **Short.** Three or four sentences are enough.
- **About something you know.** A tip from your work, or something you have learned.
- **Kind.** Thank someone, or share something that may help.
- **Open.** A question at the end invites others to reply.
\"\"\"

# A "choice" step where several answers are right: "multiple" is true, and
# the learner ticks all the answers they think are right. At least one option
# must be correct. Say so in the prompt, too.
[[steps]]
id = "good-ideas"
kind = "choice"
prompt = "Which of these would make a good first post? Choose all that apply."
multiple = true

[[steps.options]]
text = "A short tip from your work, with a question at the end"
correct = true
feedback = "Yes. It is useful, it is about something you know, and the question invites a reply."

[[steps.options]]
text = "A thank-you to a course or a colleague, saying what you learned"
correct = true
feedback = "Yes. Thanks are friendly, and others learn something too."

[[steps.options]]
text = "A photo of a colleague at their desk, without asking first"
correct = false
feedback = "It is kind to want to show your team. But always ask first: not everyone wants to be online."

[[steps.options]]
text = "A complaint about a customer, with their name"
correct = false
feedback = "We all have hard days. But a post about a named customer can hurt them and your employer, and it stays online for a long time."

# A "checklist" step: the learner ticks what already holds for them.
# Nothing is right or wrong here.
[[steps]]
id = "before-you-post"
kind = "checklist"
# What the list is about.
prompt = "Before you post, read your draft once more. Tick what holds for it."
# The lines to tick: 1 to 30, each in quotes, with a comma after each.
items = [
  "It says something useful or kind",
  "It shares nothing private about other people",
  "I would be fine if my manager or a client read it",
  "It is short: three or four sentences",
]

# A "practice" step: the learner drafts a post in a sandbox (nothing is sent
# anywhere), picks who would see it, and gets feedback from netsteps' own
# checks. You choose which checks apply; you cannot add patterns of your own.
[[steps]]
id = "draft-a-post"
kind = "practice"
# "post" for a post, or "profile" for a headline and an about text.
mode = "post"
prompt = "Mend this draft so you would be happy for anyone to read it."
# Optional: shown under the prompt.
hint = "Think of a stranger reading it, or someone who wants to break in."
# Optional: a draft to start from, with something in it to mend.
example = "Off to Crete for two weeks from Saturday! Call me on 912 34 567 if anything comes up."
# Optional: which checks to run (all of them if left out). netsteps check --help lists them.
checks = ["phone", "email", "address", "away", "anger", "insult"]
# Optional: who would see it to start with: everyone, friends or colleagues.
audience = "everyone"

# A "commit" step: the learner picks actions for their action plan, can add
# their own, and can give each one a "by when" date.
[[steps]]
id = "my-first-post"
kind = "commit"
# What to commit to.
prompt = "Choose one or two next steps for your first post, or write your own."
# Suggested actions: 1 to 20, each in quotes, with a comma after each.
actions = [
  "Write a draft of my first post, and read it again the next day",
  "Show my draft to a friend or a colleague",
  "Post it, and reply to anyone who answers",
]

[[steps]]
id = "confidence-after"
kind = "rate"
statement = "I feel able to write a short, friendly first post."
"""

GLOSSARY_TOML = """\
# The glossary: words a beginner may not know. Learners can open it from
# anywhere and search it. In a lesson, the words that appear in its text
# are listed for a quick look.
# Each [[terms]] block is one word. This file is optional.

[[terms]]
# The word, as it appears in your lessons.
term = "Comment"
# What it means, in one or two plain sentences.
meaning = "A reply written under a post. Others can usually read it."

[[terms]]
term = "Post"
meaning = "A short message, photo or link that you share on social media. Others can see it and reply."
# Optional: other names for the same thing, each in quotes.
also = ["update", "status"]

[[terms]]
term = "Profile"
meaning = "Your page on a site or app. It shows your name, maybe a photo, and a few lines about you."
"""

LESSON_FILES = {
    "01-welcome.toml": WELCOME_TOML,
    "02-your-topic.toml": FIRST_POST_TOML,
}


def pack_id_for(name: str) -> str:
    """An id for a pack in a folder called ``name``: lowercase letters, digits, - and _."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_TRANSLITERATE))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = _NOT_ID.sub("-", text).strip("-_")
    text = re.sub(r"-{2,}", "-", text)[:MAX_ID].rstrip("-_")
    return text or FALLBACK_ID


def pack_title_for(name: str) -> str:
    """A title for a pack in a folder called ``name``: its words, starting with a capital."""
    words = clean_line(re.sub(r"[-_]+", " ", name))[:200].strip()
    if not any(char.isalnum() for char in words):
        return FALLBACK_TITLE
    return words[0].upper() + words[1:]


def starter_files(name: str) -> dict[str, str]:
    """The starter pack's files (file name to text) for a pack folder called ``name``."""
    title = "".join(_ESCAPES.get(char, char) for char in pack_title_for(name))
    pack = PACK_TOML.replace(_ID_MARK, pack_id_for(name)).replace(_TITLE_MARK, title)
    return {"pack.toml": pack, **LESSON_FILES, "glossary.toml": GLOSSARY_TOML}


def write_starter(folder: Path) -> Path:
    """Write a starter pack into ``folder`` (made if needed, with its parents); return it.

    Raises :class:`StarterError` if ``folder`` is a file or a folder that is not empty, so
    nothing the course leader has is ever overwritten. Other failures are ``OSError``.
    """
    folder = Path(os.path.abspath(folder))
    if folder.exists() or folder.is_symlink():
        if not folder.is_dir():
            raise StarterError(f"{folder} is a file, not a folder; choose a new folder name")
        if any(folder.iterdir()):
            raise StarterError(
                f"{folder} is not empty; choose a new folder so that nothing in it is overwritten"
            )
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for name, text in starter_files(folder.name).items():
            path = folder / name
            # "x": never replace a file, even one that appeared since the check above.
            with path.open("xb") as handle:
                written.append(path)
                handle.write(text.encode("utf-8"))
    except FileExistsError as error:
        _remove(written)
        raise StarterError(
            f"{folder} is not empty; choose a new folder so that nothing in it is overwritten"
        ) from error
    except BaseException:
        _remove(written)
        raise
    return folder


def _remove(paths: list[Path]) -> None:
    """Take back the files this run wrote, so a failed start leaves no half-made pack."""
    for path in paths:
        path.unlink(missing_ok=True)
