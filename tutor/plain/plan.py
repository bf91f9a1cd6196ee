"""The action plan in plain mode: the list by when, each action's number to mark it done, give
it a "when" or take it out; the switch for questions about dates; and the gentle follow-up."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tutor import followup
from tutor.dates import parse_date
from tutor.messages import format_date, t
from tutor.packs.model import Pack
from tutor.plain.prompt import Prompter, means
from tutor.plan import Plan, PlanAction, plan_for, render, sentence, small_print
from tutor.progress.store import ProgressStore, StoreError


class PlanView:
    def __init__(self, io: Prompter, store: ProgressStore, packs: Sequence[Pack],
                 *, preview: bool) -> None:
        self.io = io
        self.w = io.w
        self.store = store
        self.packs = list(packs)
        self.preview = preview

    def plan(self) -> Plan:
        return plan_for(self.packs, self.store)

    def show(self) -> None:
        """The plan as text, then what the learner may do with it, until Enter."""
        while True:
            plan = self.plan()
            self.w.line()
            self.w.lines(render(plan, "txt").rstrip())
            if self.preview:
                self.io.ask(t("plain.enter_lessons"), moves=False)
                return
            self.w.line()
            self.w.line(t("plain.plan_export"))
            self.w.line()
            on = followup.is_on(self.store)
            switch = t("plan.list.plain_off" if on else "plan.list.plain_on")
            self.w.line(t("plan.list.plain_ask", switch=switch))
            text = self.io.ask(t("plain.your_choice"), moves=False)
            if not text:
                return
            if means(text, "followup"):
                self.switch()
            elif text.isdecimal() and (action := plan.numbered(int(text))) is not None:
                self.one(action)
            else:
                self.w.line(t("plan.list.plain_bad"))

    def switch(self) -> None:
        on = not followup.is_on(self.store)
        try:
            followup.switch(self.store, on)
        except StoreError as error:
            self.w.line(str(error))
            return
        self.w.line(t("followup.plain_switched_on" if on else "followup.plain_switched_off"))

    def one(self, action: PlanAction) -> None:
        """Done (or not after all), a "when", or out of the plan."""
        self.w.line()
        self.w.line(t("plan.list.plain_what", sentence=sentence(action)))
        self.w.line("  " + t("plan.list.plain_undone" if action.done else "plan.list.plain_done"))
        self.w.line("  " + t("plan.list.plain_cue"))
        self.w.line("  " + t("plan.list.plain_drop"))
        self.w.line("  " + t("plan.list.plain_back"))
        while True:
            choice = self.io.ask(t("plan.list.plain_pick"), moves=False)
            try:
                if not choice:
                    return
                if choice == "1" and action.done:
                    followup.undone(self.store, action)
                    self.w.line(t("plan.list.marked_undone", action=action.text))
                elif choice == "1":
                    followup.done(self.store, action)
                    self.w.line(t("plan.list.marked_done", action=action.text))
                elif choice == "2":
                    self.w.line(t("plan.list.cue_ask"))
                    cue = followup.set_cue(self.store, action,
                                           self.io.ask(t("plan.list.plain_cue_prompt"),
                                                       moves=False))
                    now = next((a for a in self.plan().actions if a.key == action.key), action)
                    if cue:
                        self.w.line(t("plan.list.cue_saved", sentence=sentence(now)))
                elif choice == "3":
                    followup.drop(self.store, action)
                    self.w.line(t("plan.list.dropped", action=action.text))
                else:
                    self.w.line(t("plan.list.plain_bad"))
                    continue
            except StoreError as error:
                self.w.line(str(error))
            return

    def follow_up(self) -> None:
        """On start, at most once a day: how did each step past its date go?"""
        try:
            due = followup.to_ask(self.plan(), self.store)
            if not due:
                return
            followup.asked(self.store, due)
        except StoreError:  # it cannot be kept that we asked: better not to ask at all
            return
        w = self.w
        w.line()
        w.line(t("followup.title"))
        w.line(t("followup.intro", count=len(due)))
        for number, action in enumerate(due, start=1):
            w.line()
            if len(due) > 1:
                w.line(t("followup.which", number=number, count=len(due)))
            w.line(t("followup.planned", sentence=sentence(action)))
            w.line("  " + small_print(action))
            w.lines(t("followup.plain_choices"), indent="  ")
            if not self.answer(action):
                break
        w.line(t("followup.switch_note"))

    def answer(self, action: PlanAction) -> bool:
        """One step's answer; False when the learner says "another day" (Enter)."""
        while True:
            choice = self.io.ask(t("followup.plain_pick"), moves=False)
            try:
                if not choice:
                    return False
                if choice == "1":
                    followup.done(self.store, action)
                    self.w.line(t("followup.thanks_done"))
                elif choice == "2":
                    new = self.new_date()
                    followup.put_off(self.store, action, new)
                    self.w.line(t("followup.thanks_later", date=format_date(new)))
                elif choice == "3":
                    followup.drop(self.store, action)
                    self.w.line(t("followup.thanks_drop"))
                else:
                    self.w.line(t("plan.list.plain_bad"))
                    continue
            except StoreError as error:
                self.w.line(str(error))
            return True

    def new_date(self) -> date:
        offered = followup.later()
        while True:
            text = self.io.ask(t("followup.plain_date", date=format_date(offered)), moves=False)
            try:
                new = parse_date(text, followup.today()) or offered
            except ValueError:
                self.w.line(t("followup.bad_date", text=text))
                continue
            if new < followup.today():
                self.w.line(t("followup.past_date"))
                continue
            return new
