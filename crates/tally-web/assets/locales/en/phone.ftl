# The audience's phone page (js/phone.js and js/phone/*.js).

## Joining
phone-join-title = Join a presentation
phone-code = Join code
phone-code-help = The six digits on the big screen.
phone-code-invalid = Enter the six digits shown on the big screen.
phone-name = Your name (optional)
phone-join = Join
phone-joining = Joining…
phone-busy = Busy, retrying…
phone-offline-join = You seem to be offline. Check your connection and try again.
phone-no-such-code = No presentation has this code. Check the code on the big screen.

## The bar at the top
phone-status-live = Live
phone-status-connecting = Connecting…
phone-status-reconnecting = Reconnecting…
phone-status-offline = Offline: your votes will be sent when you are back
phone-status-ended = Ended
phone-slide-of = Slide { $n } of { $total }
phone-sections = Sections
phone-tab-poll = This slide
phone-tab-questions = Questions

## The lobby, before the first slide, and the end
phone-lobby-in = You're in!
phone-lobby-in-named = You're in, { $name }!
phone-lobby-title = Get ready
phone-lobby-wait = The first question appears here as soon as the presenter starts.
phone-ended = This presentation has ended
phone-thanks = Thank you for taking part.

## The timer
phone-time-left = { $time } left
phone-time-up = Time is up
phone-voting-closed = Voting closed

## Voting
phone-vote = Vote
phone-send-new-vote = Send my new vote
phone-keep-vote = Keep my vote
phone-change-vote = Change my vote
phone-retract-vote = Retract my vote
phone-sending = Sending…
phone-vote-counted = Your vote was counted.
phone-awaiting-approval = Received. Your answer is awaiting approval by the presenter.
phone-vote-queued = You are offline. Your vote is saved on this phone and will be sent when you are back online.
phone-vote-retracted = Your vote was retracted.
phone-closed-before = Voting closed before your vote arrived.
phone-busy-retry = Sending… Tally is busy; trying again in { $s } s.
phone-offline-retry = You are offline; try again when you are back.
phone-choose-one = Choose one
phone-choose-up-to = Choose up to { $max }
phone-choose-between = Choose { $min } to { $max }
phone-chosen = { $n } chosen
phone-chosen-of = { $n } of { $max } chosen
phone-rank-hint = Best first. Use the arrows to reorder.
phone-move-up = Move { $name } up
phone-move-down = Move { $name } down
phone-points-left = { $left } of { $budget } points left
phone-points-value = { $n ->
    [one] { $n } point
   *[other] { $n } points
}
phone-your-word = Your word
phone-word = Word { $n }
phone-word-optional = Word { $n } (optional)
phone-your-answer = Your answer
phone-chars-left = { $n ->
    [one] { $n } character left
   *[other] { $n } characters left
}
phone-need-choice = Choose an answer first.
phone-need-more = Choose at least { $min }.
phone-need-rating = Rate at least one statement.
phone-need-points = Give at least one point.
phone-need-word = Type a word first.
phone-need-text = Type your answer first.
phone-unsupported = This poll type is not supported here.

## What the participant sent
phone-you-chose = You chose: { $what }
phone-your-ratings = Your ratings: { $what }
phone-your-order = Your order: { $what }
phone-your-points = Your points: { $what }
phone-your-words = Your words: { $what }
phone-your-text = Your answer: { $what }

## Results
phone-results = Results
phone-results-after-vote = Results appear here once you have voted.
phone-your-choice = Your choice
phone-correct = Correct!
phone-not-correct = Not this time.
phone-score = Your quiz score: { $score } points ({ $correct } correct)

## Q&A
phone-ask = Ask a question
phone-send-question = Send question
phone-need-question = Type your question first.
phone-question-sent = Your question was sent.
phone-questions = Questions
phone-no-questions = No questions yet. Be the first.
phone-answered = answered
phone-awaiting-approval-short = Awaiting approval
phone-upvote-name = upvotes. Upvote: { $text }
