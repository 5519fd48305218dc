// Konsola MOPS: strony przebiegu (/przebiegi/{nr}) i uruchomienia (/uruchomienia/{zgłoszenie}) na żywo.
// Co sekundę pobiera stan (JSON z adresu w atrybucie data-stan) i odświeża status, czas i tabelę kroków
// (region aria-live). Gdy przebieg się skończy albo pojawi się nowy przebieg, przeładowuje stronę raz (pliki,
// przyciski). Bez skryptu strona ma odnośnik „Odśwież”. Plik statyczny (CSP: script-src 'self').
(function () {
  'use strict';
  var main = document.querySelector('main[data-stan]');
  if (!main || main.getAttribute('data-zakonczone') === 'true' || !window.fetch) {
    return;
  }
  var url = main.getAttribute('data-stan');

  function setText(element, value) {
    if (element && value !== undefined && value !== null && element.textContent !== String(value)) {
      element.textContent = value;
    }
  }

  function cell(tag, value) {
    var element = document.createElement(tag);
    element.textContent = value;
    return element;
  }

  function updateRun(section, run) {
    if (!section) {
      return;
    }
    setText(section.querySelector('[data-pole="status"]'), run.status);
    setText(section.querySelector('[data-pole="duration"]'), run.duration);
    var body = section.querySelector('[data-pole="steps"]');
    if (!body || !run.steps) {
      return;
    }
    var signature = run.steps.map(function (s) { return s.description + '|' + s.status + '|' + s.duration; }).join(';');
    if (body.getAttribute('data-podpis') === signature || run.steps.length === 0) {
      return;
    }
    body.setAttribute('data-podpis', signature);
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    run.steps.forEach(function (step) {
      var row = document.createElement('tr');
      var header = cell('th', step.description);
      header.setAttribute('scope', 'row');
      row.appendChild(header);
      row.appendChild(cell('td', step.status));
      row.appendChild(cell('td', step.start));
      row.appendChild(cell('td', step.duration));
      body.appendChild(row);
    });
  }

  function schedule() {
    window.setTimeout(poll, 1000);
  }

  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) {
          schedule();
          return;
        }
        if (state.finished) {
          window.location.reload();
          return;
        }
        if (Array.isArray(state.runs)) {
          setText(main.querySelector('[data-pole="state"]'), state.state);
          if (state.runs.length !== main.querySelectorAll('section[data-przebieg]').length) {
            window.location.reload();
            return;
          }
          state.runs.forEach(function (run) {
            updateRun(main.querySelector('section[data-przebieg="' + run.executionId + '"]'), run);
          });
        } else {
          updateRun(main.querySelector('section[data-przebieg]'), state);
        }
        schedule();
      })
      .catch(schedule);
  }

  schedule();
}());
