import { html, type HtmlValue, type SafeHtml } from './html';
import { type AssetUrls, layoutView } from './layout.view';

/** CNIs offered in the form; each is a fact name of the engine. */
export const CNI_CHOICES = ['calico', 'cilium', 'flannel', 'spiderpool', 'multus'] as const;

/** What the user typed, echoed back when the form is shown again with an error. */
export interface PasteFormValues {
  text: string;
  kernel: string;
  os: string;
  kubernetes: string;
  cni: string;
  cniVersion: string;
}

export const EMPTY_FORM_VALUES: PasteFormValues = {
  text: '',
  kernel: '',
  os: '',
  kubernetes: '',
  cni: '',
  cniVersion: '',
};

export interface FormError {
  /** Id of the input the error is about, for the link in the error summary. */
  field: string;
  message: string;
}

export interface PasteFormPage {
  assets: AssetUrls;
  maxBytes: number;
  knownIssueCount: number;
  values?: PasteFormValues;
  errors?: FormError[];
}

const TEXT_PLACEHOLDER = [
  'Paste logs (kubectl logs, journalctl, dmesg…) or describe the symptom, for example:',
  '跨节点 Pod 无法 ping 通',
  'Service 访问有 1 秒延迟',
  'calico-node: failed to wipe the XDP state',
].join('\n');

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** The home page: paste or upload a log, optionally state the environment, submit. */
export function pasteFormView(page: PasteFormPage): SafeHtml {
  const values = page.values ?? EMPTY_FORM_VALUES;
  const errors = page.errors ?? [];
  const errorFor = (field: string) => errors.find((error) => error.field === field);
  const describedBy = (field: string, hint: string) =>
    errorFor(field) ? `${hint} ${field}-error` : hint;
  const fieldError = (field: string) => {
    const error = errorFor(field);
    return error && html`<p class="field__error" id="${field}-error">${error.message}</p>`;
  };
  const textInput = (
    name: keyof PasteFormValues,
    label: string,
    placeholder: string,
    hint: HtmlValue,
  ) =>
    html` <div class="field${errorFor(name) ? ' field--invalid' : ''}">
      <label for="${name}">${label}</label>
      <input
        type="text"
        id="${name}"
        name="${name}"
        value="${values[name]}"
        placeholder="${placeholder}"
        autocomplete="off"
        spellcheck="false"
        maxlength="200"
        aria-describedby="${describedBy(name, `${name}-hint`)}"
        ${errorFor(name) ? html` aria-invalid="true"` : ''}
      />
      <p class="field__hint" id="${name}-hint">${hint}</p>
      ${fieldError(name)}
    </div>`;

  const body = html` <div class="page-intro">
      <h1>Triage a Kubernetes networking problem</h1>
      <p class="lead">
        Paste logs or describe what you see. The service ranks the known root causes that fit, shows
        the lines that point to each one and how to fix it. It knows
        <a href="/known-issues">${page.knownIssueCount} known issues</a>.
      </p>
    </div>
    ${
      errors.length > 0 &&
      html`<div class="alert alert--error" role="alert" tabindex="-1" id="error-summary">
        <h2 class="alert__title">The paste could not be analysed</h2>
        <ul>
          ${errors.map((error) => html`<li><a href="#${error.field}">${error.message}</a></li>`)}
        </ul>
      </div>`
    }
    <form
      class="paste-form card"
      method="post"
      action="/analyses"
      enctype="multipart/form-data"
      data-paste-form
      data-max-bytes="${page.maxBytes}"
    >
      <div class="field${errorFor('text') ? ' field--invalid' : ''}">
        <label for="text" class="label--large">Logs or symptom description</label>
        <p class="field__hint" id="text-hint">
          English or Chinese. Secrets (tokens, keys, passwords) are redacted before the paste is
          stored.
        </p>
        ${fieldError('text')}
        <!-- A newline right after <textarea> is dropped by the parser: a paste's own leading
          newline survives being shown again. -->
        <div class="dropzone" data-dropzone>
          <textarea
            id="text"
            name="text"
            rows="14"
            spellcheck="false"
            autocapitalize="off"
            placeholder="${TEXT_PLACEHOLDER}"
            aria-describedby="${describedBy('text', 'text-hint file-status')}"
            ${errorFor('text') ? html` aria-invalid="true"` : ''}
          >
${values.text}</textarea>
          <p class="dropzone__overlay" aria-hidden="true">Drop the log file to load it</p>
        </div>
      </div>

      <div class="field field--file${errorFor('file') ? ' field--invalid' : ''}">
        <label for="file">Or choose a log file</label>
        <input
          type="file"
          id="file"
          name="file"
          accept=".log,.txt,.out,.json,.yaml,.yml,text/*,application/json"
          aria-describedby="${describedBy('file', 'file-hint')}"
        />
        <p class="field__hint" id="file-hint">
          Up to ${formatBytes(page.maxBytes)}. You can also drop a file onto the text box.
        </p>
        ${fieldError('file')}
        <p
          class="file-status"
          id="file-status"
          role="status"
          aria-live="polite"
          data-file-status
        ></p>
      </div>

      <fieldset class="context">
        <legend>Environment <span class="optional">(optional)</span></legend>
        <p class="field__hint">
          Versions you state here win over the ones read from the paste, and help rank the causes
          whose affected versions match.
        </p>
        <div class="context__grid">
          ${textInput('kernel', 'Kernel', '5.4.0-189-generic', html`<code>uname -r</code> on the node`)}
          ${textInput('os', 'Operating system', 'Ubuntu 20.04', html`From <code>/etc/os-release</code>`)}
          ${textInput('kubernetes', 'Kubernetes version', '1.28.6', html`<code>kubectl version</code>`)}
          <div class="field${errorFor('cni') ? ' field--invalid' : ''}">
            <label for="cni">CNI</label>
            <select
              id="cni"
              name="cni"
              aria-describedby="${describedBy('cni', 'cni-hint')}"
              ${errorFor('cni') ? html`aria-invalid="true"` : ''}
            >
              <option value="">Not stated</option>
              ${CNI_CHOICES.map(
                (cni) =>
                  html`<option value="${cni}" ${values.cni === cni ? html` selected` : ''}>
                    ${cni}
                  </option>`,
              )}
            </select>
            <p class="field__hint" id="cni-hint">The cluster's network plugin</p>
            ${fieldError('cni')}
          </div>
          ${textInput('cniVersion', 'CNI version', '3.27.3', 'The image tag of the CNI, e.g. calico/node')}
        </div>
      </fieldset>

      <div class="form-actions">
        <button type="submit" class="button button--primary" data-submit>Analyse</button>
        <p class="form-progress" role="status" aria-live="polite" data-progress></p>
      </div>
    </form>`;
  return layoutView({ title: 'New analysis', assets: page.assets, section: 'triage', body });
}
