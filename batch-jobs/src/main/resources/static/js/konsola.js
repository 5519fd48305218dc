// Konsola MOPS: jedyny skrypt (plik statyczny, CSP: script-src 'self'). Strony działają także bez niego.
// Formularz z atrybutem data-potwierdz pyta przed wysłaniem (np. wyłączenie konta).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute('data-potwierdz');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
