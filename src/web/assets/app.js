/* global document, window, navigator, fetch, TextEncoder, URL */
// kubetriage web UI enhancements. Every page works without this script: forms post normally and
// the server answers with pages. With it: copy buttons, file loading and drag-and-drop into the
// paste box, size checks before upload, submit progress, in-page feedback and live search.
(function () {
  'use strict';

  /** One polite live region for short announcements ("Copied"). */
  function announce(message) {
    let region = document.getElementById('live-region');
    if (!region) {
      region = document.createElement('div');
      region.id = 'live-region';
      region.className = 'visually-hidden';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      document.body.appendChild(region);
    }
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
  }

  function formatBytes(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '') + ' MB';
    if (bytes >= 1024) return (bytes / 1024).toFixed(1).replace(/\.0$/, '') + ' KB';
    return bytes + ' bytes';
  }

  function byteLength(text) {
    return new TextEncoder().encode(text).length;
  }

  // Copy buttons ---------------------------------------------------------------------------

  function copyWithSelection(text) {
    const scratch = document.createElement('textarea');
    scratch.value = text;
    scratch.setAttribute('readonly', '');
    scratch.className = 'visually-hidden';
    document.body.appendChild(scratch);
    scratch.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    scratch.remove();
    return copied;
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        // Permission refused: fall back to the selection copy below.
      }
    }
    return copyWithSelection(text);
  }

  function setUpCopyButtons() {
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.hidden = false;
      const label = button.innerHTML;
      button.addEventListener('click', async function () {
        const copied = await copyText(button.getAttribute('data-copy') || '');
        button.textContent = copied ? 'Copied' : 'Press Ctrl+C';
        button.classList.toggle('copy-button--done', copied);
        announce(copied ? 'Copied to the clipboard' : 'Copy failed: select the text and copy it');
        window.setTimeout(function () {
          button.innerHTML = label;
          button.classList.remove('copy-button--done');
        }, 2000);
      });
    });
  }

  // The paste form ---------------------------------------------------------------------------

  function setUpPasteForm(form) {
    const maxBytes = Number(form.getAttribute('data-max-bytes')) || Infinity;
    const textarea = form.querySelector('textarea[name="text"]');
    const fileInput = form.querySelector('input[type="file"]');
    const status = form.querySelector('[data-file-status]');
    const dropzone = form.querySelector('[data-dropzone]');
    const submit = form.querySelector('[data-submit]');
    const progress = form.querySelector('[data-progress]');
    const submitLabel = submit.textContent;

    function showStatus(message, isError) {
      status.textContent = message;
      status.classList.toggle('file-status--error', Boolean(isError));
    }

    async function loadFile(file) {
      if (file.size > maxBytes) {
        fileInput.value = '';
        showStatus(
          file.name +
            ' is ' +
            formatBytes(file.size) +
            ', over the ' +
            formatBytes(maxBytes) +
            ' limit. Keep the lines of the failing component and try again.',
          true,
        );
        return;
      }
      let text;
      try {
        text = await file.text();
      } catch {
        showStatus('Could not read ' + file.name + '.', true);
        return;
      }
      if (text.indexOf('\u0000') !== -1) {
        fileInput.value = '';
        showStatus(file.name + ' is not a text file: choose a log file.', true);
        return;
      }
      textarea.value = text;
      // The text box now holds the file: do not upload it a second time.
      fileInput.value = '';
      const lines = text === '' ? 0 : text.split('\n').length;
      showStatus(
        'Loaded ' +
          file.name +
          ' (' +
          formatBytes(file.size) +
          ', ' +
          lines +
          ' lines) into the text box.',
        false,
      );
    }

    fileInput.addEventListener('change', function () {
      if (fileInput.files && fileInput.files[0]) loadFile(fileInput.files[0]);
    });

    function hasFiles(event) {
      return Boolean(event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files'));
    }

    ['dragenter', 'dragover'].forEach(function (type) {
      dropzone.addEventListener(type, function (event) {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        dropzone.classList.add('dropzone--active');
      });
    });
    dropzone.addEventListener('dragleave', function (event) {
      if (!dropzone.contains(event.relatedTarget)) dropzone.classList.remove('dropzone--active');
    });
    dropzone.addEventListener('drop', function (event) {
      dropzone.classList.remove('dropzone--active');
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer.files[0];
      if (file) loadFile(file);
    });
    // A file dropped beside the box must not make the browser leave the page.
    ['dragover', 'drop'].forEach(function (type) {
      window.addEventListener(type, function (event) {
        if (hasFiles(event) && !dropzone.contains(event.target)) event.preventDefault();
      });
    });

    form.addEventListener('submit', function (event) {
      const hasFile = fileInput.files && fileInput.files.length > 0;
      if (!hasFile && textarea.value.trim() === '') {
        event.preventDefault();
        showStatus('Paste a log or describe the symptom first.', true);
        textarea.focus();
        return;
      }
      if (byteLength(textarea.value) > maxBytes) {
        event.preventDefault();
        showStatus('The text is over the ' + formatBytes(maxBytes) + ' limit: shorten it.', true);
        textarea.focus();
        return;
      }
      form.setAttribute('aria-busy', 'true');
      progress.textContent = 'Analysing the paste…';
      // Disabled after the submit event, so the form is still sent.
      window.setTimeout(function () {
        submit.disabled = true;
        submit.textContent = 'Analysing…';
      }, 0);
    });

    // Coming back with the browser's back button shows the form ready again.
    window.addEventListener('pageshow', function () {
      form.removeAttribute('aria-busy');
      progress.textContent = '';
      submit.disabled = false;
      submit.textContent = submitLabel;
    });
  }

  // Feedback on a cause -----------------------------------------------------------------------

  const VERDICT_MESSAGES = {
    confirmed: 'Thanks, recorded: this was the cause.',
    rejected: 'Thanks, recorded: this was not the cause.',
  };

  function setUpFeedback(form) {
    const status = form.querySelector('[data-feedback-status]');
    const buttons = form.querySelectorAll('button[name="verdict"]');
    let plainPost = false;
    form.addEventListener('submit', async function (event) {
      const button = event.submitter;
      if (plainPost || !button || typeof fetch !== 'function') return; // plain form post instead
      event.preventDefault();
      const verdict = button.value;
      const issueId = form.querySelector('input[name="issueId"]').value;
      buttons.forEach(function (other) {
        other.disabled = true;
      });
      status.classList.remove('feedback__status--error');
      status.textContent = 'Saving…';
      try {
        const response = await fetch(form.getAttribute('data-api'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ issueId: issueId, verdict: verdict }),
        });
        if (response.status === 401 || response.status === 403) {
          // The API wants a key this page does not hold: the page's own form post records it.
          plainPost = true;
          buttons.forEach(function (other) {
            other.disabled = false; // a disabled submitter would not send its verdict
          });
          form.requestSubmit(button);
          return;
        }
        if (!response.ok) {
          const problem = await response.json().catch(function () {
            return null;
          });
          throw new Error((problem && problem.detail) || 'HTTP ' + response.status);
        }
        buttons.forEach(function (other) {
          other.setAttribute('aria-pressed', String(other === button));
        });
        status.textContent = VERDICT_MESSAGES[verdict];
      } catch (error) {
        status.classList.add('feedback__status--error');
        status.textContent = 'The feedback was not saved: ' + error.message;
      } finally {
        buttons.forEach(function (other) {
          other.disabled = false;
        });
      }
    });
  }

  // Live search of the knowledge base ---------------------------------------------------------

  function setUpIssueSearch(form) {
    const input = form.querySelector('input[type="search"]');
    const count = document.querySelector('[data-issue-count]');
    const empty = document.querySelector('[data-issue-empty]');
    const items = Array.from(document.querySelectorAll('[data-search]'));
    const total = items.length;

    function apply() {
      const terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      items.forEach(function (item) {
        const text = item.getAttribute('data-search') || '';
        const visible = terms.every(function (term) {
          return text.indexOf(term) !== -1;
        });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent =
        shown === total ? total + ' known issues' : shown + ' of ' + total + ' known issues';
      empty.hidden = shown > 0;
      const url = new URL(window.location.href);
      if (input.value.trim()) url.searchParams.set('q', input.value.trim());
      else url.searchParams.delete('q');
      window.history.replaceState(null, '', url);
    }

    input.addEventListener('input', apply);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      apply();
    });
    if (input.value) apply();
  }

  document.addEventListener('DOMContentLoaded', function () {
    // A form shown again with errors: move focus to the list of what to fix.
    const errorSummary = document.getElementById('error-summary');
    if (errorSummary) errorSummary.focus();
    setUpCopyButtons();
    document.querySelectorAll('[data-paste-form]').forEach(setUpPasteForm);
    document.querySelectorAll('[data-feedback]').forEach(setUpFeedback);
    document.querySelectorAll('[data-issue-search]').forEach(setUpIssueSearch);
  });
})();
