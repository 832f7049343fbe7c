# Die Projektionsansicht.
screen-title = Projektion · Tally
waiting-presenter = Warten auf die vortragende Person…
ended = Diese Präsentation ist beendet.
join-at = Mitmachen unter
join-code = Code
join-unavailable = Kein Zugangscode verfügbar
qr-alt = QR-Code: { $url }
qr-close = Q oder Escape zum Schließen
audience = { $n } gerade auf der Seite
keys-hint = Tasten: J Zugangsdaten · Q großer QR-Code · H diese Hilfe
voting-open = Abstimmung offen
voting-closed = Abstimmung geschlossen
waiting-answers = Warten auf Antworten
seconds-left = { $s } s
responses = { $n ->
    [one] { $n } Antwort
   *[other] { $n } Antworten
}
questions-count = { $n ->
    [one] { $n } Frage
   *[other] { $n } Fragen
}
answer-on-phone = Antworten Sie auf Ihrem Handy
ask-on-phone = Stellen Sie Ihre Fragen auf Ihrem Handy
no-answers = Noch keine Antworten.
no-questions = Noch keine Fragen.
no-scores = Noch keine Punkte.
page-of = { $page } / { $pages }
votes-line = { $votes } ({ $pct } %)
ranking-line = { $points } Borda-Punkte · mittlere Position { $mean }
points-line = { $points } Punkte · Mittel { $mean }
scale-line = Mittel { $mean } · Median { $median } · { $n } Bewertungen
qa-pinned = angeheftet
qa-answered = beantwortet
cloud-label = Wortwolke: { $words }
cloud-empty = Wortwolke: noch keine Wörter
leaderboard = Bestenliste
rank = Platz
name = Name
score = Punkte
results-announce = { $n ->
    [one] Ergebnisse: { $n } Person. { $lead }
   *[other] Ergebnisse: { $n } Personen. { $lead }
}
