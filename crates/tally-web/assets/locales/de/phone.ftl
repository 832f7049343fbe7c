# Die Handyseite des Publikums (js/phone.js und js/phone/*.js).

## Beitreten
phone-join-title = Einer Präsentation beitreten
phone-code = Beitrittscode
phone-code-help = Die sechs Ziffern auf der großen Leinwand.
phone-code-invalid = Gib die sechs Ziffern von der großen Leinwand ein.
phone-name = Dein Name (freiwillig)
phone-join = Beitreten
phone-joining = Beitreten…
phone-busy = Ausgelastet, neuer Versuch…
phone-offline-join = Du scheinst offline zu sein. Prüfe deine Verbindung und versuche es erneut.
phone-no-such-code = Keine Präsentation hat diesen Code. Prüfe den Code auf der großen Leinwand.

## Die Leiste oben
phone-status-live = Live
phone-status-connecting = Verbinden…
phone-status-reconnecting = Neu verbinden…
phone-status-offline = Offline: Deine Stimmen werden gesendet, sobald du wieder online bist
phone-status-ended = Beendet
phone-slide-of = Folie { $n } von { $total }
phone-sections = Bereiche
phone-tab-poll = Diese Folie
phone-tab-questions = Fragen

## Die Lobby vor der ersten Folie, und das Ende
phone-lobby-in = Du bist dabei!
phone-lobby-in-named = Du bist dabei, { $name }!
phone-lobby-title = Gleich geht's los
phone-lobby-wait = Die erste Frage erscheint hier, sobald die Präsentation beginnt.
phone-ended = Diese Präsentation ist beendet
phone-thanks = Danke fürs Mitmachen.

## Der Timer
phone-time-left = noch { $time }
phone-time-up = Die Zeit ist um
phone-voting-closed = Abstimmung geschlossen

## Abstimmen
phone-vote = Abstimmen
phone-send-new-vote = Neue Stimme senden
phone-keep-vote = Stimme behalten
phone-change-vote = Stimme ändern
phone-retract-vote = Stimme zurückziehen
phone-sending = Wird gesendet…
phone-vote-counted = Deine Stimme wurde gezählt.
phone-awaiting-approval = Erhalten. Deine Antwort wartet auf die Freigabe durch die Moderation.
phone-vote-queued = Du bist offline. Deine Stimme ist auf diesem Handy gespeichert und wird gesendet, sobald du wieder online bist.
phone-vote-retracted = Deine Stimme wurde zurückgezogen.
phone-closed-before = Die Abstimmung wurde geschlossen, bevor deine Stimme ankam.
phone-busy-retry = Wird gesendet… Tally ist ausgelastet; neuer Versuch in { $s } s.
phone-offline-retry = Du bist offline; versuche es erneut, wenn du wieder online bist.
phone-choose-one = Wähle eine Antwort
phone-choose-up-to = Wähle bis zu { $max }
phone-choose-between = Wähle { $min } bis { $max }
phone-chosen = { $n } gewählt
phone-chosen-of = { $n } von { $max } gewählt
phone-rank-hint = Das Beste zuerst. Mit den Pfeilen umsortieren.
phone-move-up = { $name } nach oben
phone-move-down = { $name } nach unten
phone-points-left = { $left } von { $budget } Punkten übrig
phone-points-value = { $n ->
    [one] { $n } Punkt
   *[other] { $n } Punkte
}
phone-your-word = Dein Wort
phone-word = Wort { $n }
phone-word-optional = Wort { $n } (freiwillig)
phone-your-answer = Deine Antwort
phone-chars-left = { $n ->
    [one] noch { $n } Zeichen
   *[other] noch { $n } Zeichen
}
phone-need-choice = Wähle zuerst eine Antwort.
phone-need-more = Wähle mindestens { $min }.
phone-need-rating = Bewerte mindestens eine Aussage.
phone-need-points = Vergib mindestens einen Punkt.
phone-need-word = Gib zuerst ein Wort ein.
phone-need-text = Gib zuerst deine Antwort ein.
phone-unsupported = Diese Art von Umfrage wird hier nicht unterstützt.

## Was gesendet wurde
phone-you-chose = Deine Wahl: { $what }
phone-your-ratings = Deine Bewertungen: { $what }
phone-your-order = Deine Reihenfolge: { $what }
phone-your-points = Deine Punkte: { $what }
phone-your-words = Deine Wörter: { $what }
phone-your-text = Deine Antwort: { $what }

## Ergebnisse
phone-results = Ergebnisse
phone-results-after-vote = Die Ergebnisse erscheinen hier, sobald du abgestimmt hast.
phone-your-choice = Deine Wahl
phone-correct = Richtig!
phone-not-correct = Diesmal nicht.
phone-score = Dein Quizstand: { $score } Punkte ({ $correct } richtig)

## Fragen
phone-ask = Stell eine Frage
phone-send-question = Frage senden
phone-need-question = Gib zuerst deine Frage ein.
phone-question-sent = Deine Frage wurde gesendet.
phone-questions = Fragen
phone-no-questions = Noch keine Fragen. Stell die erste.
phone-answered = beantwortet
phone-awaiting-approval-short = Wartet auf Freigabe
phone-upvote-name = Stimmen. Unterstützen: { $text }
