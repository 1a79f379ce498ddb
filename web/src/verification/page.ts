import type { Captcha, Verification } from './api';
import { VerificationError, verificationApi } from './api';
import { element } from './dom';
import type { VerificationKey, VerificationLanguage } from './messages';
import { verificationTranslator } from './messages';

type Translate = ReturnType<typeof verificationTranslator>;

function initialLanguage(): VerificationLanguage {
  const saved = localStorage.getItem('origo.language');
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function problemText(t: Translate, failure: unknown): string {
  if (failure instanceof VerificationError) {
    if (failure.code === 'RATE_LIMITED')
      return t('verify.error.rateLimited', { seconds: failure.retryAfterSeconds ?? 60 });
    if (failure.fieldCode?.startsWith('captcha_')) return t('verify.error.captcha');
    if (failure.code === 'PAYLOAD_TOO_LARGE') return t('verify.error.tooLarge');
    return t('verify.error.other', { message: failure.message });
  }
  return t('verify.error.offline');
}

/**
 * A country's name from the browser's own ICU data ("Germany", "德国"), so the page ships no country list;
 * the code itself where the browser has no name for it.
 */
function countryName(code: string, language: VerificationLanguage): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The public verification page, in plain DOM: by number and invoice number (with a captcha), or by uploading
 * the PDF. `?n=NUMBER` (the QR code's link) fills the number in. Built once; a language switch rewrites the
 * words in place, so what was typed stays.
 */
export function mountVerificationPage(root: HTMLElement): void {
  let language = initialLanguage();
  let t = verificationTranslator(language);
  let captcha: Captcha | undefined;
  let result: Verification | undefined;
  let failure: unknown;
  let working = false;

  /** Everything that shows words: each re-applies its words when the language changes. */
  const wordings: Array<() => void> = [];
  const words = <T extends HTMLElement>(node: T, apply: (node: T) => void): T => {
    wordings.push(() => apply(node));
    apply(node);
    return node;
  };
  const say = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    key: VerificationKey,
    properties: Parameters<typeof element<K>>[1] = {},
  ) => words(element(tag, properties), (node) => (node.textContent = t(key)));

  // ---- By number -------------------------------------------------------------------------------------------
  const fromQr = new URLSearchParams(window.location.search).get('n')?.trim() ?? '';
  const numberInput = element('input', {
    id: 'verify-number',
    name: 'certificateNumber',
    required: true,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: false,
    value: fromQr,
  });
  const numberShown = element('output', { id: 'verify-number' });
  const numberEditable = [numberInput, say('small', 'verify.numberHint')];
  const numberFixed = element(
    'p',
    { className: 'fixed' },
    numberShown,
    ' ',
    say('button', 'verify.changeNumber', {
      type: 'button',
      className: 'link',
      onclick: () => {
        numberSlot.replaceChildren(...numberEditable);
        numberInput.focus();
      },
    }),
  );
  const numberSlot = element('div', { className: 'slot' });
  const lockNumber = (number: string) => {
    numberInput.value = number;
    numberShown.value = number;
    numberSlot.replaceChildren(numberFixed);
  };
  if (fromQr) lockNumber(fromQr);
  else numberSlot.replaceChildren(...numberEditable);

  const invoiceInput = element('input', {
    id: 'verify-invoice',
    name: 'invoiceNumber',
    required: true,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: false,
  });
  const captchaInput = element('input', {
    id: 'verify-captcha',
    name: 'captchaAnswer',
    required: true,
    inputMode: 'numeric',
    autocomplete: 'off',
  });
  const captchaPicture = element('span');
  const submitNumber = element('button', { type: 'submit' });
  const newCaptcha = () => {
    captcha = undefined;
    captchaInput.value = '';
    refresh();
    verificationApi.captcha().then(
      (fresh) => {
        captcha = fresh;
        refresh();
      },
      () => undefined,
    );
  };

  const byNumber = element(
    'form',
    { id: 'verify-by-number', attrs: { role: 'tabpanel', 'aria-labelledby': 'verify-tab-number' } },
    say('label', 'verify.number', { htmlFor: 'verify-number' }),
    numberSlot,
    say('label', 'verify.invoice', { htmlFor: 'verify-invoice' }),
    invoiceInput,
    say('small', 'verify.invoiceHint'),
    say('label', 'verify.captcha', { htmlFor: 'verify-captcha' }),
    element(
      'div',
      { className: 'captcha' },
      captchaPicture,
      say('button', 'verify.captchaNew', { type: 'button', className: 'link', onclick: newCaptcha }),
    ),
    captchaInput,
    submitNumber,
  );
  byNumber.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!captcha) return;
    const asked = verificationApi.byNumber({
      certificateNumber: numberInput.value,
      invoiceNumber: invoiceInput.value,
      captchaToken: captcha.token,
      captchaAnswer: captchaInput.value,
    });
    // A captcha answers once: the next check gets a new question.
    void show(asked).then(newCaptcha);
  });

  // ---- By upload -------------------------------------------------------------------------------------------
  const fileInput = element('input', {
    id: 'verify-file',
    name: 'file',
    type: 'file',
    required: true,
    accept: 'application/pdf,.pdf,.jws,.txt',
    onchange: () => refresh(),
  });
  const submitFile = element('button', { type: 'submit' });
  const byUpload = element(
    'form',
    { id: 'verify-by-upload', attrs: { role: 'tabpanel', 'aria-labelledby': 'verify-tab-upload' } },
    say('label', 'verify.file', { htmlFor: 'verify-file' }),
    fileInput,
    say('small', 'verify.fileHint'),
    submitFile,
  );
  byUpload.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = fileInput.files?.[0];
    if (file) void show(verificationApi.byDocument(file));
  });

  // ---- Tabs, problem, result -------------------------------------------------------------------------------
  const tabs = (['number', 'upload'] as const).map((name) => {
    const panel = name === 'number' ? byNumber : byUpload;
    return say('button', name === 'number' ? 'verify.tab.number' : 'verify.tab.upload', {
      type: 'button',
      id: `verify-tab-${name}`,
      attrs: { role: 'tab', 'aria-controls': panel.id },
      onclick: () => selectTab(name),
    });
  });
  const selectTab = (name: 'number' | 'upload') => {
    tabs[0]!.setAttribute('aria-selected', String(name === 'number'));
    tabs[1]!.setAttribute('aria-selected', String(name === 'upload'));
    byNumber.hidden = name !== 'number';
    byUpload.hidden = name !== 'upload';
    result = undefined;
    failure = undefined;
    refresh();
  };
  const problemSlot = element('div', { className: 'slot' });
  const resultSlot = element('div', { className: 'slot' });

  const show = async (asked: Promise<Verification>) => {
    working = true;
    failure = undefined;
    result = undefined;
    refresh();
    try {
      result = await asked;
    } catch (refused) {
      failure = refused ?? new Error('refused');
    }
    working = false;
    refresh();
    resultSlot.querySelector('h2')?.focus();
  };

  const takeSuggestion = (suggested: string) => {
    lockNumber(suggested);
    result = undefined;
    refresh();
    captchaInput.focus();
  };

  /**
   * Fills `slot` with what `render` draws, only when `inputs` changed since the last time: a result redrawn
   * for nothing would take the focus away from its heading.
   */
  const drawn = new WeakMap<HTMLElement, unknown[]>();
  const draw = (slot: HTMLElement, inputs: unknown[], render: () => Node | string) => {
    const before = drawn.get(slot);
    if (before?.every((input, index) => input === inputs[index])) return;
    drawn.set(slot, inputs);
    slot.replaceChildren(render());
  };

  /** Shows the state: the captcha, the buttons' state, the problem and the result in the current language. */
  const refresh = () => {
    draw(captchaPicture, [captcha, language], () =>
      captcha
        ? element('img', {
            src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`,
            alt: t('verify.captchaImage'),
          })
        : t('verify.captchaLoading'),
    );
    submitNumber.disabled = working || !captcha;
    submitNumber.textContent = t(working ? 'verify.working' : 'verify.submit');
    submitFile.disabled = working || !fileInput.files?.length;
    submitFile.textContent = t(working ? 'verify.working' : 'verify.upload');
    draw(problemSlot, [failure, language], () =>
      failure
        ? element('p', { className: 'problem', attrs: { role: 'alert' } }, problemText(t, failure))
        : '',
    );
    draw(resultSlot, [result, language], () =>
      result ? resultView(result, language, t, takeSuggestion) : '',
    );
  };

  const switchLanguage = () => {
    language = language === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('origo.language', language);
    applyLanguage();
  };
  const applyLanguage = () => {
    t = verificationTranslator(language);
    document.documentElement.lang = language;
    document.title = t('verify.title');
    for (const apply of wordings) apply();
    refresh();
  };

  root.replaceChildren(
    element(
      'div',
      { className: 'verify' },
      element(
        'header',
        {},
        say('h1', 'verify.title'),
        words(element('button', { type: 'button', className: 'link', onclick: switchLanguage }), (node) => {
          node.textContent = t('verify.languageSwitch');
          node.setAttribute('aria-label', t('verify.languageLabel'));
        }),
      ),
      element(
        'main',
        {},
        say('p', 'verify.intro'),
        words(element('div', { className: 'tabs', attrs: { role: 'tablist' } }, ...tabs), (node) =>
          node.setAttribute('aria-label', t('verify.tabs')),
        ),
        byNumber,
        byUpload,
        problemSlot,
        resultSlot,
      ),
      say('footer', 'verify.footer'),
    ),
  );
  selectTab('number');
  applyLanguage();
  newCaptcha();
}

/** A verdict, its explanation and, where the caller may see them, the certificate's public data. */
function resultView(
  result: Verification,
  language: VerificationLanguage,
  t: Translate,
  onSuggestion: (number: string) => void,
): HTMLElement {
  const { certificate } = result;
  const row = (key: VerificationKey, value: string) => [element('dt', {}, t(key)), element('dd', {}, value)];
  return element(
    'section',
    {
      className: `result ${result.verdict === 'VALID' ? 'good' : 'bad'}`,
      attrs: { 'aria-live': 'polite', 'data-verdict': result.verdict },
    },
    element(
      'h2',
      { tabIndex: -1 },
      `${t('verify.result')}: ${t(`verify.verdict.${result.verdict}` as VerificationKey)}`,
    ),
    element('p', {}, language === 'en' ? result.explanation.en : result.explanation.zh),
    result.didYouMean &&
      element(
        'button',
        { type: 'button', onclick: () => onSuggestion(result.didYouMean!) },
        t('verify.didYouMean', { number: result.didYouMean }),
      ),
    ...(certificate
      ? [
          element(
            'dl',
            {},
            ...row('verify.data.number', certificate.certificateNumber),
            ...row('verify.data.type', certificate.certificateType),
            ...row('verify.data.issueDate', certificate.issueDate),
            ...row(
              'verify.data.office',
              language === 'en' ? certificate.issuingOffice.nameEn : certificate.issuingOffice.nameZh,
            ),
            ...row('verify.data.exporter', certificate.exporterName),
            ...row('verify.data.country', countryName(certificate.importingCountry, language)),
            ...(certificate.replaces ? row('verify.data.replaces', certificate.replaces) : []),
          ),
          element('h3', {}, t('verify.data.items')),
          element(
            'ol',
            { className: 'items' },
            ...certificate.items.map((item) =>
              element(
                'li',
                {},
                element('span', {}, item.description),
                element(
                  'span',
                  {},
                  `${t('verify.data.hsCode')} ${item.hsCode} · ${t('verify.data.quantity')} ` +
                    `${item.quantity ?? '—'} ${item.quantityUnit}`,
                ),
              ),
            ),
          ),
        ]
      : []),
    element(
      'small',
      {},
      t('verify.checkedAt', { time: new Date(result.checkedAt).toLocaleString(language) }),
    ),
  );
}
