# The presenter console (js/console.js and js/console/*.js).
console-page-title = Presenter console · Tally
console-title = Presenter console
console-role-cohost = co-host
console-role-moderator = moderator
console-nav = Console links
console-open-screen = Open the big screen
console-all = All presentations
console-moderator-note = You moderate the audience’s text: hide or approve what they send, pin and answer questions. The presenter runs the slides.
console-load-failed = Could not load the presentation: { $reason }
console-screen-only = This link opens the big screen only: it cannot run or moderate the presentation.
console-deleted = This presentation was deleted.
console-failed = { $action }: { $reason }

# The bar.
console-join = Join at { $url }
console-join-code = Join code { $code }
console-audience-unknown = Audience: –
console-audience = { $count ->
    [one] { $count } on the live page now
   *[other] { $count } on the live page now
}
console-conn-live = Live
console-conn = Slides: { $slides } · results: { $results }
console-status-connecting = connecting
console-status-live = live
console-status-reconnecting = reconnecting
console-status-offline = offline
console-status-deleted = deleted

# The slide on screen.
console-on-screen = On screen
console-no-poll = No poll on screen.
console-slide-meta = Slide { $number } of { $count } · { $type } · round { $round }
console-slide-meta-content = Slide { $number } of { $count } · { $type }
console-voting-open = Voting open
console-voting-closed = Voting closed
console-results-shown = Results shown
console-results-hidden = Results hidden
console-results-held = Results shown when voting closes
console-results = Results
console-waiting-votes = Waiting for the first votes…
console-participants = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
console-time-left = { $time } left
console-time-up = Time is up
console-type-single = Single choice
console-type-multiple = Multiple choice
console-type-quiz = Quiz
console-type-scale = Scale
console-type-ranking = Ranking
console-type-points = Points
console-type-wordcloud = Word cloud
console-type-open = Open text
console-type-qa = Q&A
console-type-content = Content slide
console-content-note = Content slide: the audience reads it, there is nothing to answer
console-content-results = A content slide takes no answers.

# Running the show.
console-run = Run the show
console-next = Next →
console-previous = ← Previous
console-goto = Go to
console-next-meta = Next: slide { $number } · { $type }
console-next-none = This is the last slide.
console-more-options = { $count ->
    [one] and { $count } more option
   *[other] and { $count } more options
}
console-open-voting = Open voting
console-close-voting = Close voting
console-show-results = Show results
console-hide-results = Hide results
console-hold = Hide results until voting closes
console-hold-hint = For the whole event: the room sees results once voting closes.
console-timer-seconds = Timer (seconds)
console-timer-start = Start or add
console-timer-stop = Stop
console-reset = Reset round
console-reset-confirm = Start round { $round } of this poll? Its results start from zero; earlier rounds stay readable under “Past rounds”.
console-keys = Keys
console-key-next = next slide
console-key-previous = previous slide
console-key-space-name = Space
console-key-voting = open or close voting
console-key-results = show or hide results
console-keys-note = Keys work even while a button has focus (Enter presses it).

# What failed (in “{ $action }: { $reason }”).
console-action-next = Next
console-action-previous = Previous
console-action-goto = Go to
console-action-voting = Voting
console-action-results = Results
console-action-timer = Timer
console-action-reset = Reset
console-action-moderation = Moderation
console-action-settings = Settings

# Notes, moderation, leaderboard.
console-side = Notes and moderation
console-notes = Presenter notes
console-notes-none = No notes for this slide. Add them in the editor.
console-moderation = Moderation
console-nothing-to-moderate = Nothing to moderate on this poll.
console-held = Held ({ $count })
console-shown = Shown ({ $count })
console-nothing-held = Nothing held.
console-nothing-yet = Nothing yet.
console-approve = Approve
console-hide = Hide
console-pin = Pin
console-unpin = Unpin
console-answered = Answered
console-action-on = { $action }: { $text }
console-upvotes = { $count ->
    [one] { $count } upvote
   *[other] { $count } upvotes
}
console-leaderboard = Quiz leaderboard

# Past rounds.
console-rounds = Past rounds
console-round-poll = Poll
console-round-of = Round { $round }
console-round-responses = { $count ->
    [one] Round { $round } · { $count } response
   *[other] Round { $round } · { $count } responses
}
console-rounds-none = This poll has not been reset: it has no past rounds yet.

# Other people and settings.
console-people = Links for other people
console-key-title = Presenter key
console-key-hint = To run this presentation from another computer (the venue’s PC), paste this key into its console or big screen. Whoever holds it can run and delete the presentation: share it only with people you trust.
console-key-show = Show
console-key-copy = Copy presenter key
console-key-copied = Copied. Paste it on the other computer.
console-key-copy-failed = Could not copy. Show the key and copy it by hand.
