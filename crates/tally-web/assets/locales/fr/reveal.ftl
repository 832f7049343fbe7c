# Le dévoilement d’une manche publiée sur grand écran (reveal.js).
reveal-page-title = Résultats · Tally
reveal-title = Résultats
reveal-the-results = Les résultats
reveal-announce = Et à la { $rank ->
    [1] première
    [2] deuxième
    [3] troisième
    [4] quatrième
    [5] cinquième
    [6] sixième
    [7] septième
    [8] huitième
    [9] neuvième
    [10] dixième
   *[other] { $rank }e
  } place… { $name }
reveal-place = { $rank }.
reveal-parted = à égalité avec la place au-dessus, départagé par { $by }
reveal-audience-vote = le vote du public
reveal-digest = Empreinte { $digest }
reveal-next = Place suivante
reveal-back = Retour
reveal-not-published = Cette manche n’est pas encore publiée. Publiez-la, puis rechargez la page.
