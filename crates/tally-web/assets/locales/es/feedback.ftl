# Los comentarios para un participante (feedback.js).
feedback-page-title = Comentarios · Tally
feedback-title = Comentarios
feedback-no-link = Abre el enlace privado que te envió la organización.
feedback-for = Comentarios para { $contestant }
feedback-none = Todavía no hay comentarios.
feedback-anonymous = No se muestran los nombres del jurado. Solo aparecen los comentarios de hojas de puntuación enviadas.
feedback-replaced = Este enlace ya no funciona: puede que la organización te haya enviado uno más reciente.
