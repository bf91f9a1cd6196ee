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
    "cli.no_terminal": "{question}? There is no terminal to ask on; add --yes to answer yes",
    "cli.yes_no": "[y/N]",
    "cli.no_pack_at": "there is no pack at {path}; check the path",
    # Installing and removing packs
    "install.pack": "Pack:     {title}",
    "install.authors": "Authors:  {authors}",
    "install.version": "Version:  {version}",
    "install.upgrade": "(installed: {installed}; this is an upgrade)",
    "install.reinstall": "(installed: {installed}; this is the same version again)",
    "install.downgrade": "(installed: {installed}; this is an older version)",
    "install.replace": "(installed: {installed}; this is a different pack)",
    "install.lessons": "Lessons:  {count}",
    "install.from": "From:     {origin}",
    "install.replaces": "This replaces '{title}', which uses the same id.",
    "install.ask": "Install this pack?",
    "install.nothing": "Nothing was installed.",
    "install.done": "Installed '{title}'. Open netsteps to start it.",
    "install.done_kept": "Installed '{title}'. Your progress in it is kept. Open netsteps to start it.",
    "remove.builtin": "the pack '{id}' is built in. 'netsteps pack list' shows your packs",
    "remove.plugin": "the pack '{id}' comes from a Python package; remove that package instead",
    "remove.unknown": "the pack '{id}' is not installed. 'netsteps pack list' shows your packs",
    "remove.ask": "Remove '{title}'? Your progress in it is kept.",
    "remove.ask_forget": "Remove '{title}' and erase your progress in it?",
    "remove.nothing": "Nothing was removed.",
    "remove.done": "Removed '{title}'.",
    "remove.done_kept": "Removed '{title}'. Your progress is kept if you install it again.",
    # The learner's data
    "data.exported": "All your netsteps data is saved in {path}.",
    "data.nothing": "There is no netsteps data to erase ({path} does not exist).",
    "data.erase_warning": (
        "This erases your progress, your action plan and your installed packs in {path}.\n"
        "It cannot be undone. Plans you exported to other folders are not touched."
    ),
    "data.erase_ask": "Erase all your netsteps data?",
    "data.erase_nothing": "Nothing was erased.",
    "data.erased": "All your netsteps data is erased.",
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
        "shows you exactly where. Save it as:"
    ),
    "plan.export_md": "Markdown",
    "plan.export_txt": "Text file",
    "plan.export_html": "Web page to print",
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
    "key.words": "Word list",
    "key.close": "Close",
    "key.export_md": "Save as Markdown",
    "key.export_txt": "Save as text",
    "key.export_html": "Save as page",
    # Home
    "app.saved_again": "Saving works again. Everything you did is saved now.",
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
    "reflect.goes_to_plan": (
        "What you write goes into your action plan. It is saved as you type. "
        "When you are done, press Tab to leave the box, then → to go on."
    ),
    "reflect.saved": (
        "Write as much or as little as you like; only you can see it. It is saved as you type. "
        "When you are done, press Tab to leave the box, then → to go on."
    ),
    "checklist.how": (
        "Tick what is already true for you: press Enter or click. There are no wrong "
        "answers here."
    ),
    "commit.how": (
        "Tick the actions you want to take (Enter or click); they go into your action plan. "
        "You can add a date if it helps, and write your own."
    ),
    "commit.by_placeholder": "e.g. 31.12.2026 (optional)",
    "commit.by_tooltip": "A date such as 31.12.2026 or 2026-12-31. You can leave it empty.",
    "commit.own_placeholder": "Write your own action here",
    "commit.add": "Add",
    "commit.when": "By when? (optional) \u2014 {action}",
    "commit.already": "That action is already on the list.",
    "commit.bad_date": "netsteps did not understand '{text}' as a date. Please write it like 31.12.2026 or 2026-12-31, or leave it empty.",
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
    "end.questions_all": "You answered {answered} of {questions} questions, all of them right.",
    "end.questions_none": "You answered {answered} of {questions} questions. The feedback is where the learning is, and you can try any question again.",
    "end.confidence_up": "Your confidence went from {before} to {after}. That is real progress.",
    "end.confidence_same": "Your confidence stayed at {after}. Steady is good too.",
    "end.confidence_down": (
        "Your confidence went from {before} to {after}. That often happens when we see how "
        "much there is to it. It is a sign of learning."
    ),
    "end.ticked": "You ticked {count} things that already hold for you.",
    "end.ticked_one": "You ticked one thing that already holds for you.",
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
    # The summary for a course leader (netsteps summary)
    "summary.title": "My netsteps summary",
    "summary.made_on": "Made with netsteps on {date}.",
    "summary.nothing_started": "No lessons started yet.",
    "summary.status": "Status: {status}",
    "summary.completed": "Done on: {date}",
    "summary.confidence": (
        "How sure I felt, \"{statement}\": {before} before the lesson, {after} after it"
    ),
    "summary.rating": "{rating} of 5",
    "summary.not_rated": "not rated",
    "summary.reflection": "My reflection on: {prompt}",
    "summary.preview": "This is the summary, word for word. Nothing else goes into the file:",
    "summary.reflections_intro": (
        "You wrote some reflections in the lessons. Each one goes into the file only if you "
        "say yes to it; pressing Enter leaves it out."
    ),
    "summary.reflection_in": "In \"{lesson}\" you wrote, on \"{prompt}\":",
    "summary.ask_reflection": "Include this reflection?",
    "summary.final": "With the reflections you chose, the file will hold exactly this:",
    "summary.ask_write": "Write this summary to {path}?",
    "summary.not_written": "Nothing was written.",
    "summary.reflections_left_out": (
        "Your reflections were left out, because --yes answers no questions. Run the command "
        "without --yes to choose which ones to include."
    ),
    "summary.saved": (
        "Your summary is saved in {path}. It is yours: send it to your course leader only if "
        "you want to."
    ),
    # Plain mode (netsteps --plain): line by line, for screen readers and simple terminals
    "plain.intro": (
        "This is the plain mode: everything is written line by line. To answer, type a number "
        "or a letter and press Enter. Type ? at any time for help."
    ),
    "plain.preview_intro": "This is a preview: answers given here are not kept.",
    "plain.no_lessons": "There are no lessons to show yet.",
    "plain.lesson_line": "{number}. {title} ({details})",
    "plain.menu_ask": "What would you like to do?",
    "plain.menu_enter": "Enter or c: {label}",
    "plain.menu_number_one": "1: open that lesson",
    "plain.menu_numbers": "A number from 1 to {count}: open that lesson",
    "plain.menu_plan": "p: see my action plan",
    "plain.menu_help": "h: help",
    "plain.menu_quit": "q: quit (everything is saved)",
    "plain.menu_unknown": (
        "\u201c{text}\u201d is not on the list. Type a lesson number, or c, p, h or q, "
        "and press Enter."
    ),
    "plain.your_choice": "Your choice: ",
    "plain.start_first": "Start the first lesson: {lesson}",
    "plain.plan_export": (
        "To keep your plan as a file, quit netsteps and type this command:\n"
        "    netsteps plan --export my-plan.md"
    ),
    "plain.enter_lessons": "Press Enter to go back to your lessons. ",
    "plain.help_menu": (
        "Help\n"
        "Type a number or a letter and press Enter.\n"
        "  Enter or c   continue where you left off\n"
        "  1, 2, 3 …    open that lesson\n"
        "  p            see your action plan\n"
        "  h or ?       this help\n"
        "  q            quit\n"
        "In a lesson, type ? at any question to see what you can type there."
    ),
    "plain.help_lesson": (
        "Help\n"
        "Type your answer and press Enter. Enter alone goes on to the next step.\n"
        "At any question you can also type one of these letters and press Enter:\n"
        "  b   go back one step\n"
        "  r   read this step again\n"
        "  w   words used in this lesson, explained\n"
        "  m   back to the list of lessons\n"
        "  q   stop for now\n"
        "  ?   this help\n"
        "Everything is saved as you go. Next time you start right where you stopped."
    ),
    "plain.lesson_title": "Lesson: {title}",
    "plain.minutes": "It takes about {minutes} minutes.",
    "plain.resumed": "You are back at the step where you stopped last time.",
    "plain.done_before": (
        "You have done this lesson before. Your answers are kept, and you can change them."
    ),
    "plain.lesson_keys": (
        "At any question you can type b to go back a step, q to stop for now (everything is "
        "saved), or ? for help."
    ),
    "plain.first_step": "This is the first step, so there is no step before it.",
    "plain.enter_next": "Press Enter to go on. ",
    "plain.enter_finish": "Press Enter to finish the lesson. ",
    "plain.pick_one": "Type the number of your answer, from 1 to {count}, and press Enter.",
    "plain.pick_all": (
        "More than one answer may be right. Type the numbers of all that apply, "
        "for example: 1 3"
    ),
    "plain.your_answer": "Your answer: ",
    "plain.answer_or_enter": "Your answer, or Enter to go on: ",
    "plain.last_answer": "Your answer last time:",
    "plain.picked_right": "Answer {number} is right: {text}",
    "plain.picked_wrong": "Answer {number} is not right: {text}",
    "plain.try_again": "You can type another number to try again, or press Enter to go on.",
    "plain.missed": (
        "One or more right answers are still missing. You can type the numbers again, "
        "or press Enter to go on."
    ),
    "plain.skip_question": (
        "Type the number of the answer you choose. To skip this question, press Enter again."
    ),
    "plain.one_answer": "This question has one answer. Please type just one number.",
    "plain.bad_number": "Please type a number from 1 to {count}.",
    "plain.bad_numbers": (
        "Please type numbers from 1 to {count}, with a space between them, for example: 1 3"
    ),
    "plain.reflect_how": (
        "Write your answer in your own words. You can write several lines. When you are done, "
        "press Enter on an empty line. Only you can see it."
    ),
    "plain.reflect_before": "What you wrote before:",
    "plain.reflect_keep": (
        "To keep it, just press Enter. To replace it, write your new answer, line by line, "
        "and press Enter on an empty line when you are done."
    ),
    "plain.reflect_first": "Your answer: ",
    "plain.reflect_more": "Next line, or Enter to finish: ",
    "plain.reflect_kept": "Your earlier answer is kept.",
    "plain.reflect_empty": (
        "You wrote nothing this time. That is fine: you can come back to this step at any time."
    ),
    "plain.reflect_saved": "Thank you. Your answer is saved.",
    "plain.item": "{number}. {text}",
    "plain.item_ticked": "{number}. {text} (ticked)",
    "plain.checklist_how": (
        "Which of these are already true for you? Type their numbers, for example: 1 3. "
        "There are no wrong answers. If none are, just press Enter."
    ),
    "plain.ticked_now": (
        "Ticked now: {numbers}. To keep that, press Enter. To change it, type the numbers "
        "again, or 0 for none."
    ),
    "plain.your_numbers": "Your numbers: ",
    "plain.ticked": "Ticked: {numbers}.",
    "plain.ticked_none": "Nothing ticked. That is fine.",
    "plain.commit_how": (
        "Choose the actions you want to take; they go into your action plan. "
        "Type their numbers, for example: 1 3"
    ),
    "plain.action_chosen": "{number}. {text} (chosen)",
    "plain.action_chosen_by": "{number}. {text} (chosen, by {date})",
    "plain.commit_keep": (
        "Chosen now: {numbers}. To keep that, press Enter. To change it, type the numbers "
        "again, or 0 for none."
    ),
    "plain.commit_none": "If you would rather not choose any now, just press Enter.",
    "plain.back_to_step": "Back to step {number} of {total}. Type r to read it again.",
    "plain.by_when": (
        "By when do you want to do this: \u201c{action}\u201d? Type a date such as 31.12.2026, "
        "or just press Enter for no date."
    ),
    "plain.by_when_keep": (
        "By when do you want to do this: \u201c{action}\u201d? It says {date} now. "
        "Press Enter to keep that, type a new date, or type - for no date."
    ),
    "plain.by_prompt": "By when: ",
    "plain.by_set": "Noted: by {date}.",
    "plain.by_none": "Noted, with no date.",
    "plain.own_ask": (
        "You can also write an action of your own. Type it and press Enter, "
        "or just press Enter to go on."
    ),
    "plain.own_prompt": "Your own action: ",
    "plain.own_added": "Added: {action}",
    "plain.own_more": "Another action of your own? Type it, or just press Enter to go on.",
    "plain.chosen_none": (
        "No actions chosen. That is fine: you can come back to this step at any time."
    ),
    "plain.rate_how": "Type a number from 1 to 5 and press Enter. Any answer is fine.",
    "plain.rate_before": (
        "Last time you chose {rating}. Press Enter to keep it, or type a new number from 1 to 5."
    ),
    "plain.your_number": "Your number: ",
    "plain.rate_bad": "Please type one number from 1 to 5.",
    "plain.end_next": (
        "The next lesson is \u201c{lesson}\u201d. On the list of lessons, Enter starts it."
    ),
    "plain.unreadable": "netsteps could not read what was typed. Please type it again.",
    "plain.not_saved": "Your latest answers could not be saved. Please try again later.",
    "plain.goodbye": "Everything is saved. Goodbye, and see you next time.",
    "plain.goodbye_preview": "End of the preview. Goodbye.",
}
