# La revelación de una ronda publicada en la pantalla grande (reveal.js).
reveal-page-title = Resultados · Tally
reveal-title = Resultados
reveal-the-results = Los resultados
reveal-announce = Y en { $rank ->
    [1] primer
    [2] segundo
    [3] tercer
    [4] cuarto
    [5] quinto
    [6] sexto
    [7] séptimo
    [8] octavo
    [9] noveno
    [10] décimo
   *[other] { $rank }.º
  } lugar… { $name }
reveal-place = { $rank }.
reveal-parted = empatado con el puesto anterior, desempatado por { $by }
reveal-audience-vote = la votación del público
reveal-digest = Huella { $digest }
reveal-next = Siguiente puesto
reveal-back = Atrás
reveal-not-published = Esta ronda aún no se ha publicado. Publícala y recarga la página.
