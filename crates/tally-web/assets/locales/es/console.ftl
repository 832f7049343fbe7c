# La consola de presentación (js/console.js y js/console/*.js).
console-page-title = Consola de presentación · Tally
console-title = Consola de presentación
console-role-cohost = copresentador
console-role-moderator = moderador
console-nav = Enlaces de la consola
console-open-screen = Abrir la pantalla grande
console-all = Todas las presentaciones
console-moderator-note = Usted modera los textos del público: oculte o apruebe lo que envían, fije preguntas y márquelas como respondidas. Quien presenta pasa las diapositivas.
console-load-failed = No se pudo cargar la presentación: { $reason }
console-screen-only = Este enlace solo abre la pantalla grande: no permite dirigir ni moderar la presentación.
console-deleted = Esta presentación se ha eliminado.
console-failed = { $action }: { $reason }

console-join = Únase en { $url }
console-join-code = Código de acceso { $code }
console-audience-unknown = Público: –
console-audience = { $count ->
    [one] { $count } en la página en directo ahora
   *[other] { $count } en la página en directo ahora
}
console-conn-live = En directo
console-conn = Diapositivas: { $slides } · resultados: { $results }
console-status-connecting = conectando
console-status-live = en directo
console-status-reconnecting = reconectando
console-status-offline = sin conexión
console-status-deleted = eliminada

console-on-screen = En pantalla
console-no-poll = No hay ninguna encuesta en pantalla.
console-slide-meta = Diapositiva { $number } de { $count } · { $type } · ronda { $round }
console-slide-meta-content = Diapositiva { $number } de { $count } · { $type }
console-voting-open = Votación abierta
console-voting-closed = Votación cerrada
console-results-shown = Resultados visibles
console-results-hidden = Resultados ocultos
console-results-held = Resultados visibles al cerrar la votación
console-results = Resultados
console-waiting-votes = Esperando los primeros votos…
console-participants = { $count ->
    [one] { $count } participante
   *[other] { $count } participantes
}
console-time-left = quedan { $time }
console-time-up = Se acabó el tiempo
console-type-single = Opción única
console-type-multiple = Opción múltiple
console-type-quiz = Cuestionario
console-type-scale = Escala
console-type-ranking = Clasificación
console-type-points = Puntos
console-type-wordcloud = Nube de palabras
console-type-open = Texto libre
console-type-qa = Preguntas y respuestas
console-type-content = Diapositiva de contenido
console-content-note = Diapositiva de contenido: el público la lee, no hay nada que responder
console-content-results = Una diapositiva de contenido no recibe respuestas.

console-run = Dirigir la presentación
console-next = Siguiente →
console-previous = ← Anterior
console-goto = Ir a
console-next-meta = A continuación: diapositiva { $number } · { $type }
console-next-none = Esta es la última diapositiva.
console-more-options = { $count ->
    [one] y { $count } opción más
   *[other] y { $count } opciones más
}
console-open-voting = Abrir la votación
console-close-voting = Cerrar la votación
console-show-results = Mostrar resultados
console-hide-results = Ocultar resultados
console-hold = Ocultar los resultados hasta que se cierre la votación
console-hold-hint = Para todo el evento: la sala ve los resultados cuando se cierra la votación.
console-timer-seconds = Temporizador (segundos)
console-timer-start = Iniciar o añadir
console-timer-stop = Parar
console-reset = Nueva ronda
console-reset-confirm = ¿Empezar la ronda { $round } de esta encuesta? Sus resultados empiezan desde cero; las rondas anteriores se pueden seguir leyendo en «Rondas anteriores».
console-keys = Teclas
console-key-next = diapositiva siguiente
console-key-previous = diapositiva anterior
console-key-space-name = Espacio
console-key-voting = abrir o cerrar la votación
console-key-results = mostrar u ocultar resultados
console-keys-note = Las teclas funcionan aunque un botón tenga el foco (Intro lo pulsa).

console-action-next = Siguiente
console-action-previous = Anterior
console-action-goto = Ir a
console-action-voting = Votación
console-action-results = Resultados
console-action-timer = Temporizador
console-action-reset = Nueva ronda
console-action-moderation = Moderación
console-action-settings = Ajustes

console-side = Notas y moderación
console-notes = Notas del presentador
console-notes-none = No hay notas para esta diapositiva. Añádalas en el editor.
console-moderation = Moderación
console-nothing-to-moderate = No hay nada que moderar en esta encuesta.
console-held = Retenidos ({ $count })
console-shown = Visibles ({ $count })
console-nothing-held = Nada retenido.
console-nothing-yet = Nada todavía.
console-approve = Aprobar
console-hide = Ocultar
console-pin = Fijar
console-unpin = Soltar
console-answered = Respondida
console-action-on = { $action }: { $text }
console-upvotes = { $count ->
    [one] { $count } voto
   *[other] { $count } votos
}
console-leaderboard = Clasificación del cuestionario

console-rounds = Rondas anteriores
console-round-poll = Encuesta
console-round-of = Ronda { $round }
console-round-responses = { $count ->
    [one] Ronda { $round } · { $count } respuesta
   *[other] Ronda { $round } · { $count } respuestas
}
console-rounds-none = Esta encuesta no se ha reiniciado: todavía no tiene rondas anteriores.

console-people = Enlaces para otras personas
console-key-title = Clave de presentación
console-key-hint = Para dirigir esta presentación desde otro ordenador (el de la sala), pegue esta clave en su consola o pantalla grande. Quien la tenga puede dirigir y eliminar la presentación: compártala solo con personas de confianza.
console-key-show = Mostrar
console-key-copy = Copiar la clave de presentación
console-key-copied = Copiada. Péguela en el otro ordenador.
console-key-copy-failed = No se pudo copiar. Muestre la clave y cópiela a mano.
