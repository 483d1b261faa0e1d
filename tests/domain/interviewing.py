"""Driving an interview in a test as a clerk does: answer the first open question, again and again."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kakanai.domain.interview import Interview, Question


def answer_in_turn(interview: Interview, answer_of: Callable[[Question], Any]) -> tuple[list[str], list[int]]:
    """Answer each first open question with ``answer_of(question)`` until none is open. Returns the
    paths asked, in order, and the count the clerk is shown (残り N) before the first answer and after
    each, once it is known. Checks on the way that the count is never below what is open now."""
    asked: list[str] = []
    counts = [] if (remaining := interview.remaining()) is None else [remaining]
    while questions := interview.questions():
        remaining = interview.remaining()
        assert remaining is None or remaining >= len(questions), (remaining, [q.path for q in questions])
        asked.append(questions[0].path)
        assert len(asked) <= 300, f"the interview keeps asking: {asked[-5:]}"  # an answer that is never taken
        interview.answer(questions[0].path, answer_of(questions[0]))
        if (remaining := interview.remaining()) is not None:
            counts.append(remaining)
    return asked, counts


def from_answers(answers: Mapping[str, Any]) -> Callable[[Question], Any]:
    """Each question's answer from a finished draft; one it has not (or empty): Enter on an empty field."""
    return lambda question: answers.get(question.path) if answers.get(question.path) not in (None, "") else ""


def went_down(counts: list[int]) -> bool:
    """The count shown never went up and ended at 0."""
    return counts == sorted(counts, reverse=True) and counts[-1] == 0
