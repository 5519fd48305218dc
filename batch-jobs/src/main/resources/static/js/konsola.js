// Konsola MOPS: jedyny skrypt (plik statyczny, CSP: script-src 'self'). Strony działają także bez niego.
// Formularz z atrybutem data-potwierdz pyta przed wysłaniem (np. wyłączenie konta).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute('data-potwierdz');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
// Pole plików z atrybutem data-limit-bajtow: za duże przesłanie jest zatrzymane przed wysłaniem (serwer i tak
// je odrzuci, ale dopiero po odebraniu wszystkiego).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var inputs = form && form.querySelectorAll ? form.querySelectorAll('input[type="file"][data-limit-bajtow]') : [];
  for (var i = 0; i < inputs.length; i++) {
    var limit = Number(inputs[i].getAttribute('data-limit-bajtow'));
    var total = 0;
    for (var j = 0; inputs[i].files && j < inputs[i].files.length; j++) {
      total += inputs[i].files[j].size;
    }
    if (limit > 0 && total > limit) {
      event.preventDefault();
      window.alert('Przesyłane pliki są za duże: razem najwyżej ' + inputs[i].getAttribute('data-limit')
        + '. Większy eksport zaimportuj poleceniem ./mops-reports import albo przez folder wymiany.');
      return;
    }
  }
});
// Lista problemów formularza (atrybut data-fokus) dostaje fokus po wczytaniu strony: czytnik ekranu od razu ją
// odczytuje, a klawisz Tab prowadzi przez odnośniki do pól.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-fokus]');
  if (summary) {
    summary.focus();
  }
});
