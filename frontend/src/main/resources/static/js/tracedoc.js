/*
 * tracedoc's pages without a framework or a build step. Everything here is an enhancement: without
 * JavaScript every form works, every section stays open and the log is paged with plain links.
 * Log text only ever enters the page through textContent, never as markup; the classes of a line's
 * spans come from tracedoc (TerminalClasses) and are checked against their whitelist once more here.
 */
(function () {
  'use strict';

  var TERMINAL_CLASSES = /^(t-(fg|bg)-([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|t-bold|t-italic|t-underline|t-conceal|t-crossed)$/;

  function ready(run) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', run);
    } else {
      run();
    }
  }

  /* ---- forms: choose or drop a file ---- */

  function showChosen(form, input) {
    var chosen = form.querySelector('.chosen');
    if (chosen) {
      chosen.textContent = (input.files && input.files.length) ? input.files[0].name : '';
    }
  }

  function enableDrop(form) {
    var input = form.querySelector('input[type=file]');
    if (!input) {
      return;
    }
    input.addEventListener('change', function () { showChosen(form, input); });
    ['dragenter', 'dragover'].forEach(function (type) {
      form.addEventListener(type, function (event) {
        event.preventDefault();
        form.classList.add('dragging');
      });
    });
    form.addEventListener('dragleave', function (event) {
      if (!form.contains(event.relatedTarget)) {
        form.classList.remove('dragging');
      }
    });
    form.addEventListener('drop', function (event) {
      event.preventDefault();
      form.classList.remove('dragging');
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        showChosen(form, input);
      }
    });
  }

  /* ---- copy buttons of fix snippets ---- */

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand('copy');
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function enableCopy(button) {
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) {
        return;
      }
      copyText(source.textContent).then(function () {
        button.textContent = 'Copied';
      }, function () {
        button.textContent = 'Select and copy';
      }).then(function () {
        window.setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      });
    });
  }

  /* ---- the log viewer ---- */

  function LogViewer(lines) {
    this.lines = lines;
    this.collapsed = new Set();
    this.api = lines.getAttribute('data-api');
    this.page = parseInt(lines.getAttribute('data-page'), 10);
    this.total = parseInt(lines.getAttribute('data-total'), 10);
    this.from = parseInt(lines.getAttribute('data-from'), 10);
    this.to = parseInt(lines.getAttribute('data-to'), 10);
  }

  LogViewer.prototype.sectionsOf = function (row) {
    var chain = row.getAttribute('data-sections');
    return chain ? chain.split(' ') : [];
  };

  LogViewer.prototype.headedSection = function (row) {
    var toggle = row.querySelector('.toggle');
    return toggle ? toggle.getAttribute('data-section') : null;
  };

  LogViewer.prototype.applyTo = function (rows) {
    var viewer = this;
    rows.forEach(function (row) {
      var heads = viewer.headedSection(row);
      var hidden = viewer.sectionsOf(row).some(function (section) {
        return viewer.collapsed.has(section) && section !== heads;
      });
      row.hidden = hidden;
      if (heads !== null) {
        var toggle = row.querySelector('.toggle');
        toggle.setAttribute('aria-expanded', viewer.collapsed.has(heads) ? 'false' : 'true');
      }
    });
  };

  LogViewer.prototype.rows = function () {
    return Array.prototype.slice.call(this.lines.querySelectorAll('.line'));
  };

  LogViewer.prototype.toggle = function (section) {
    if (this.collapsed.has(section)) {
      this.collapsed.delete(section);
    } else {
      this.collapsed.add(section);
    }
    this.applyTo(this.rows());
  };

  /** Opens every collapsed section around a line, so a link to it lands on a visible line. */
  LogViewer.prototype.reveal = function (row) {
    var viewer = this;
    var changed = false;
    this.sectionsOf(row).forEach(function (section) {
      if (viewer.collapsed.delete(section)) {
        changed = true;
      }
    });
    if (changed) {
      this.applyTo(this.rows());
    }
  };

  LogViewer.prototype.render = function (data) {
    var row = document.createElement('div');
    row.className = data.evidence ? 'line evidence' : 'line';
    row.id = 'L' + data.number;
    row.setAttribute('data-sections', data.sections.join(' '));
    row.setAttribute('data-index', String(data.index));
    var number = document.createElement('a');
    number.className = 'num';
    number.href = '#L' + data.number;
    number.textContent = String(data.number);
    row.appendChild(number);
    if (data.header) {
      var toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'toggle';
      toggle.setAttribute('data-section', String(data.header.section));
      toggle.setAttribute('data-collapsed', String(data.header.collapsed));
      toggle.setAttribute('aria-expanded', 'true');
      toggle.setAttribute('aria-label', 'Collapse or expand this section');
      row.appendChild(toggle);
      if (data.header.collapsed) {
        this.collapsed.add(String(data.header.section));
      }
    }
    var text = document.createElement('span');
    text.className = 'text';
    data.spans.forEach(function (span) {
      var classes = span.classes ? span.classes.split(' ').filter(function (name) {
        return TERMINAL_CLASSES.test(name);
      }) : [];
      if (classes.length) {
        var styled = document.createElement('span');
        styled.className = classes.join(' ');
        styled.textContent = span.text;
        text.appendChild(styled);
      } else {
        text.appendChild(document.createTextNode(span.text));
      }
    });
    row.appendChild(text);
    if (data.header && data.header.duration) {
      var duration = document.createElement('span');
      duration.className = 'duration';
      duration.textContent = data.header.duration;
      row.appendChild(duration);
    }
    return row;
  };

  LogViewer.prototype.load = function (link) {
    var viewer = this;
    var before = link.getAttribute('data-load') === 'previous';
    var from = before ? Math.max(0, this.from - this.page) : this.to;
    var count = before ? this.from - from : this.page;
    link.classList.add('loading');
    return fetch(this.api + '?from=' + from + '&count=' + count, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (page) {
        var rows = page.rows.map(function (data) { return viewer.render(data); });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (row) { fragment.appendChild(row); });
        if (before) {
          var height = document.documentElement.scrollHeight;
          viewer.lines.insertBefore(fragment, viewer.lines.firstChild);
          viewer.from = page.fromIndex;
          viewer.applyTo(viewer.rows());
          window.scrollBy(0, document.documentElement.scrollHeight - height);
        } else {
          viewer.lines.appendChild(fragment);
          viewer.to = page.fromIndex + page.rows.length;
          viewer.applyTo(viewer.rows());
        }
        link.classList.remove('loading');
        viewer.showRange();
        var more = before ? viewer.from > 0 : viewer.to < viewer.total;
        link.parentNode.hidden = !more;
      })
      .catch(function () {
        link.classList.remove('loading');
        link.textContent = 'Could not load the lines: open the next page instead';
        link.setAttribute('data-load', 'failed');
      });
  };

  /** Says which lines are on the page now, as the server wrote it for the first ones. */
  LogViewer.prototype.showRange = function () {
    var range = document.querySelector('#log .range');
    var rows = this.lines.querySelectorAll('.line');
    if (range && rows.length) {
      range.textContent = 'lines ' + rows[0].id.substring(1) + '\u2013' + rows[rows.length - 1].id.substring(1)
        + ', ' + this.total.toLocaleString('en') + ' in all';
    }
  };

  LogViewer.prototype.start = function () {
    var viewer = this;
    this.rows().forEach(function (row) {
      var toggle = row.querySelector('.toggle');
      if (toggle && toggle.getAttribute('data-collapsed') === 'true') {
        viewer.collapsed.add(toggle.getAttribute('data-section'));
      }
    });
    this.applyTo(this.rows());
    this.lines.addEventListener('click', function (event) {
      var toggle = event.target.closest('.toggle');
      if (toggle) {
        viewer.toggle(toggle.getAttribute('data-section'));
      }
    });
    document.querySelectorAll('a.load[data-load]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        if (link.getAttribute('data-load') === 'failed') {
          return;
        }
        event.preventDefault();
        viewer.load(link);
      });
    });
    document.querySelectorAll('a.line-link').forEach(function (link) {
      link.addEventListener('click', function () {
        var row = document.getElementById('L' + link.getAttribute('data-line'));
        if (row) {
          viewer.reveal(row);
        }
      });
    });
    if (location.hash.indexOf('#L') === 0) {
      var target = document.getElementById(location.hash.substring(1));
      if (target) {
        viewer.reveal(target);
        target.scrollIntoView({ block: 'center' });
      }
    }
  };

  ready(function () {
    document.querySelectorAll('form[data-drop-target]').forEach(enableDrop);
    document.querySelectorAll('button[data-copy]').forEach(enableCopy);
    var lines = document.getElementById('log-lines');
    if (lines) {
      new LogViewer(lines).start();
    }
  });
}());
