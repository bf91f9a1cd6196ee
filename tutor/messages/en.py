"""English messages. Keys are grouped by the part of netsteps that shows them."""

MESSAGES: dict[str, str] = {
    # The learner's data
    "store.moved_aside": (
        "Your progress file could not be read, so it was set aside as {name} and a fresh one "
        "was started. Nothing was deleted."
    ),
    "store.backup_used": (
        "Your progress file could not be read, so netsteps went back to the copy saved just "
        "before it. The unreadable file was set aside as {name}."
    ),
    "store.busy": (
        "Another netsteps window is saving right now. Please wait a moment and try again."
    ),
    "store.cannot_write": (
        "netsteps could not save to {path} ({reason}). Check that the folder exists and that "
        "you may write to it."
    ),
    "store.newer_schema": (
        "Your progress file was saved by a newer version of netsteps. Please update netsteps to "
        "carry on; the file was left exactly as it is."
    ),
    "store.left_in_place": (
        "Your progress file could not be read and could not be set aside just now, so it was "
        "left exactly as it is; netsteps will try again when it next saves."
    ),
    "store.set_aside_on_save": (
        "Your progress file had been damaged, so it was set aside as {name} and netsteps saved "
        "the progress it knew about instead. Nothing was deleted."
    ),
    # Lesson states
    "status.new": "new",
    "status.in_progress": "in progress",
    "status.done": "done",
    # Command line
    "cli.builtin": "built in",
    "cli.done_of": "{done} of {total} lessons done",
    "cli.at_step": "at step {step} of {total}",
    "cli.minutes": "{minutes} min",
    "cli.plan_saved": "Your action plan is saved in {path}.",
    # The action plan
    "plan.title": "My action plan",
    "plan.made_on": "Made with netsteps on {date}.",
    "plan.empty": (
        "Your plan is empty for now. The actions you choose and the thoughts you write in "
        "the lessons will appear here."
    ),
    "plan.by": " (by {date})",
    "plan.back": "Back",
    "plan.export_intro": (
        "Keep your plan: save it as a file. It goes into your Documents folder, and netsteps "
        "shows you exactly where."
    ),
    "plan.export_md": "Save as Markdown",
    "plan.export_txt": "Save as plain text",
    "plan.export_html": "Save as a page to print",
    "plan.exported": "Your plan is saved in {path}",
    "plan.export_failed": "The plan could not be saved to {path} ({reason}). Nothing was lost.",
    # Keys in the footer
    "key.help": "Help",
    "key.glossary": "Glossary",
    "key.quit": "Quit",
    "key.plan": "My plan",
    "key.reload": "Reload pack",
    "key.back": "Back",
    "key.next": "Next",
    "key.lessons": "Lessons",
    "key.words": "Words in this lesson",
    "key.close": "Close",
    "key.export_md": "Save as Markdown",
    "key.export_txt": "Save as text",
    "key.export_html": "Save as page",
    # Home
    "app.broken_pack": "A lesson pack could not be opened and is left out: {origin}: {problem}",
    "home.welcome": "Welcome to netsteps.",
    "home.welcome_back": "Welcome back.",
    "home.intro": (
        "Short lessons, one small step at a time. There is no rush and no wrong way to start. "
        "Everything you do is saved on this computer as you go, so you can stop whenever "
        "you like."
    ),
    "home.start": "Start the first lesson",
    "home.continue": "Continue where you left off: {lesson}",
    "home.next": "Start the next lesson: {lesson}",
    "home.all_done": "You have done every lesson. Look at your action plan",
    "home.overall": "{done} of {total} lessons done",
    "home.lessons": "Your lessons",
    "home.plan": "My action plan",
    "home.glossary": "Glossary",
    "home.help": "Help",
    "home.quit": "Quit",
    "home.preview_title": "Preview of a lesson pack",
    "home.preview_intro": (
        "This is a preview: answers given here are not kept. Press Ctrl+R to read the pack "
        "again after you edit it."
    ),
    "home.preview_problems": "The pack has {count} problem(s), so it cannot be shown yet:\n{problems}",
    "home.reloaded": "The pack was read again. No problems found.",
    "home.reloaded_problems": "The pack was read again and has {count} problem(s).",
    # A lesson
    "lesson.step_of": "Step {number} of {total}",
    "lesson.back": "← Back",
    "lesson.next": "Next →",
    "lesson.finish": "Finish the lesson",
    "choice.pick_one": "Choose one answer: use the arrow keys and press Enter, or click it.",
    "choice.pick_all": "Choose all that apply: press Enter or click to tick each one, then check your answer.",
    "choice.check": "Check my answer",
    "choice.pick_first": "Tick at least one answer first.",
    "choice.right": "That's right.",
    "choice.not_quite": "Not quite, and that's fine: this is how we learn.",
    "choice.try_again": "You can choose again, or go on with Next.",
    "choice.missed": (
        "One or more right answers are still missing. You can tick more and check again, "
        "or go on with Next."
    ),
    "reflect.goes_to_plan": "What you write here goes into your action plan.",
    "reflect.saved": (
        "Write as much or as little as you like. It is saved as you type, and only you "
        "can see it."
    ),
    "checklist.how": (
        "Tick what is already true for you: press Enter or click. There are no wrong "
        "answers here."
    ),
    "commit.how": (
        "Tick the actions you want to take (Enter or click); they go into your action plan. "
        "You can add a date if it helps, and write your own."
    ),
    "commit.by_placeholder": "by when? (optional)",
    "commit.by_tooltip": "A date such as 31.12.2026 or 2026-12-31. You can leave it empty.",
    "commit.own_placeholder": "Write your own action here",
    "commit.add": "Add",
    "commit.when": "By when? (optional) \u2014 {action}",
    "commit.already": "That action is already on the list.",
    "commit.bad_date": "'{text}' is not a date netsteps knows. Write it like 31.12.2026 or 2026-12-31.",
    "rate.how_sure": "How sure do you feel about this, right now?",
    "rate.1": "1 Not yet",
    "rate.2": "2 A little",
    "rate.3": "3 Somewhat",
    "rate.4": "4 Mostly",
    "rate.5": "5 Fully",
    "rate.keys": "Press a number from 1 to 5, or click. Any answer is fine.",
    "rate.thanks": "You chose {rating}. You can change it at any time.",
    # The end of a lesson
    "end.well_done": "Well done! You finished \u201c{lesson}\u201d",
    "end.questions": "You answered {answered} of {questions} questions, {right} of them right.",
    "end.confidence_up": "Your confidence went from {before} to {after}. That is real progress.",
    "end.confidence_same": "Your confidence stayed at {after}. Steady is good too.",
    "end.confidence_down": (
        "Your confidence went from {before} to {after}. That often happens when we see how "
        "much there is to it. It is a sign of learning."
    ),
    "end.ticked": "You ticked {count} thing(s) that already hold for you.",
    "end.you_wrote": "What you wrote",
    "end.you_chose": "What you chose to do",
    "end.nothing": "You looked through the lesson. You can come back to it at any time.",
    "end.next": "Next lesson: {lesson}",
    "end.plan": "See my action plan",
    "end.home": "Back to my lessons",
    # Glossary
    "glossary.title": "Glossary: words explained",
    "glossary.in_lesson": "Words in \u201c{lesson}\u201d",
    "glossary.search": "Type to search, for example: passkey",
    "glossary.none": "No word matches. Try a shorter search.",
    "glossary.empty": "There are no words to look up here.",
    "glossary.also": "Also called: {names}",
    "glossary.close": "Close",
    # Help
    "help.title": "Help",
    "help.keys": (
        "Keys\n"
        "  Tab and Shift+Tab   move between buttons and boxes\n"
        "  Enter or Space      press a button, choose an answer\n"
        "  \u2192 and \u2190             next and previous step in a lesson\n"
        "  1 to 5              rate how sure you feel\n"
        "  g                   words used in this lesson\n"
        "  F2                  the glossary\n"
        "  Esc                 back to your lessons\n"
        "  F1 or ?             this help\n"
        "  Ctrl+Q              quit\n"
        "The mouse works too: click buttons and answers."
    ),
    "help.data": (
        "Your data\nYour progress and your plan are kept on this computer only, in:\n{path}\n"
        "Nothing is sent anywhere. 'netsteps data delete' erases it all."
    ),
    "help.leave": (
        "Leaving\nPress Ctrl+Q at any moment. Everything is saved, and next time you start "
        "right where you stopped."
    ),
    "help.close": "Close",
    # Links in lessons
    "link.ask": "This lesson links to a web page. Do you want to open it in your browser?",
    "link.cannot": (
        "This link cannot be opened from netsteps. Only secure web addresses (https) can be "
        "opened, and only when you say so."
    ),
    "link.open": "Open in browser",
    "link.stay": "Stay here",
}
