# The big screen (projector view).
screen-title = Big screen · Tally
waiting-presenter = Waiting for the presenter…
ended = This presentation has ended.
join-at = Join at
join-code = code
join-unavailable = Join code unavailable
qr-alt = QR code: { $url }
qr-close = Press Q or Escape to close
audience = { $n } on the page now
keys-hint = Keys: J join details · Q large QR code · H this help
voting-open = Voting open
voting-closed = Voting closed
waiting-answers = Waiting for answers
seconds-left = { $s } s
responses = { $n ->
    [one] { $n } response
   *[other] { $n } responses
}
questions-count = { $n ->
    [one] { $n } question
   *[other] { $n } questions
}
answer-on-phone = Answer on your phone
ask-on-phone = Ask your questions on your phone
no-answers = No answers yet.
no-questions = No questions yet.
no-scores = No scores yet.
page-of = { $page } / { $pages }
votes-line = { $votes } ({ $pct }%)
ranking-line = { $points } Borda points · mean position { $mean }
points-line = { $points } points · mean { $mean }
scale-line = mean { $mean } · median { $median } · { $n } rated
qa-pinned = pinned
qa-answered = answered
cloud-label = Word cloud: { $words }
cloud-empty = Word cloud: no words yet
leaderboard = Leaderboard
rank = Rank
name = Name
score = Score
results-announce = { $n ->
    [one] Results: { $n } participant. { $lead }
   *[other] Results: { $n } participants. { $lead }
}
