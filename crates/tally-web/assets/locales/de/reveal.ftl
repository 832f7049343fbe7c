# Die Enthüllung einer veröffentlichten Runde auf dem Großbildschirm (reveal.js).
reveal-page-title = Ergebnisse · Tally
reveal-title = Ergebnisse
reveal-the-results = Die Ergebnisse
reveal-announce = Und auf dem { $rank ->
    [1] ersten
    [2] zweiten
    [3] dritten
    [4] vierten
    [5] fünften
    [6] sechsten
    [7] siebten
    [8] achten
    [9] neunten
    [10] zehnten
   *[other] { $rank }.
  } Platz … { $name }
reveal-place = { $rank }.
reveal-parted = punktgleich mit dem Platz darüber, entschieden durch { $by }
reveal-audience-vote = die Publikumsabstimmung
reveal-digest = Prüfsumme { $digest }
reveal-next = Nächster Platz
reveal-back = Zurück
reveal-not-published = Diese Runde ist noch nicht veröffentlicht. Veröffentlichen Sie sie und laden Sie dann neu.
