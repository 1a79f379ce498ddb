import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { countryName } from '../countries';
import type { Captcha, Verification } from './api';
import { VerificationError, verificationApi } from './api';
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

/** The public verification page: by number and invoice number (with a captcha), or by uploading the PDF. */
export function VerificationPage() {
  const [language, setLanguage] = useState<VerificationLanguage>(initialLanguage);
  const t = verificationTranslator(language);
  const fromQr = new URLSearchParams(window.location.search).get('n')?.trim() ?? '';
  const [tab, setTab] = useState<'number' | 'upload'>('number');
  const [number, setNumber] = useState(fromQr);
  const [numberLocked, setNumberLocked] = useState(fromQr !== '');
  const [invoice, setInvoice] = useState('');
  const [captcha, setCaptcha] = useState<Captcha>();
  const [answer, setAnswer] = useState('');
  const [file, setFile] = useState<File>();
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<Verification>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('verify.title');
  }, [language, t]);

  const newCaptcha = useCallback(() => {
    setCaptcha(undefined);
    setAnswer('');
    verificationApi.captcha().then(setCaptcha, () => undefined);
  }, []);
  useEffect(newCaptcha, [newCaptcha]);

  const switchLanguage = () => {
    const next = language === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('origo.language', next);
    setLanguage(next);
  };

  const show = async (asked: Promise<Verification>) => {
    setWorking(true);
    setProblem(undefined);
    setResult(undefined);
    try {
      setResult(await asked);
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (failure) {
      setProblem(problemText(t, failure));
    } finally {
      setWorking(false);
    }
  };

  const byNumber = async (event: FormEvent) => {
    event.preventDefault();
    if (!captcha) return;
    await show(
      verificationApi.byNumber({
        certificateNumber: number,
        invoiceNumber: invoice,
        captchaToken: captcha.token,
        captchaAnswer: answer,
      }),
    );
    // A captcha answers once: the next check gets a new question.
    newCaptcha();
  };

  const byUpload = async (event: FormEvent) => {
    event.preventDefault();
    if (file) await show(verificationApi.byDocument(file));
  };

  const takeSuggestion = (suggested: string) => {
    setNumber(suggested);
    setNumberLocked(true);
    setResult(undefined);
    document.getElementById('verify-captcha')?.focus();
  };

  return (
    <div className="verify">
      <header>
        <h1>{t('verify.title')}</h1>
        <button
          type="button"
          className="link"
          onClick={switchLanguage}
          aria-label={t('verify.languageLabel')}
        >
          {t('verify.languageSwitch')}
        </button>
      </header>
      <main>
        <p>{t('verify.intro')}</p>
        <div role="tablist" aria-label={t('verify.tabs')} className="tabs">
          {(['number', 'upload'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => {
                setTab(name);
                setResult(undefined);
                setProblem(undefined);
              }}
            >
              {t(name === 'number' ? 'verify.tab.number' : 'verify.tab.upload')}
            </button>
          ))}
        </div>

        {tab === 'number' ? (
          <form role="tabpanel" onSubmit={byNumber}>
            <label htmlFor="verify-number">{t('verify.number')}</label>
            {numberLocked ? (
              <p className="fixed">
                <output id="verify-number">{number}</output>{' '}
                <button type="button" className="link" onClick={() => setNumberLocked(false)}>
                  {t('verify.changeNumber')}
                </button>
              </p>
            ) : (
              <>
                <input
                  id="verify-number"
                  name="certificateNumber"
                  required
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  value={number}
                  onChange={(event) => setNumber(event.target.value)}
                />
                <small>{t('verify.numberHint')}</small>
              </>
            )}
            <label htmlFor="verify-invoice">{t('verify.invoice')}</label>
            <input
              id="verify-invoice"
              name="invoiceNumber"
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={invoice}
              onChange={(event) => setInvoice(event.target.value)}
            />
            <small>{t('verify.invoiceHint')}</small>
            <label htmlFor="verify-captcha">{t('verify.captcha')}</label>
            <div className="captcha">
              {captcha ? (
                <img
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`}
                  alt={t('verify.captchaImage')}
                />
              ) : (
                <span>{t('verify.captchaLoading')}</span>
              )}
              <button type="button" className="link" onClick={newCaptcha}>
                {t('verify.captchaNew')}
              </button>
            </div>
            <input
              id="verify-captcha"
              name="captchaAnswer"
              required
              inputMode="numeric"
              autoComplete="off"
              value={answer}
              onChange={(event) => setAnswer(event.target.value)}
            />
            <button type="submit" disabled={working || !captcha}>
              {working ? t('verify.working') : t('verify.submit')}
            </button>
          </form>
        ) : (
          <form role="tabpanel" onSubmit={byUpload}>
            <label htmlFor="verify-file">{t('verify.file')}</label>
            <input
              id="verify-file"
              name="file"
              type="file"
              required
              accept="application/pdf,.pdf,.jws,.txt"
              onChange={(event) => setFile(event.target.files?.[0])}
            />
            <small>{t('verify.fileHint')}</small>
            <button type="submit" disabled={working || !file}>
              {working ? t('verify.working') : t('verify.upload')}
            </button>
          </form>
        )}

        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {result && (
          <Result
            result={result}
            language={language}
            t={t}
            heading={resultHeading}
            onSuggestion={takeSuggestion}
          />
        )}
      </main>
      <footer>{t('verify.footer')}</footer>
    </div>
  );
}

function Result({
  result,
  language,
  t,
  heading,
  onSuggestion,
}: {
  result: Verification;
  language: VerificationLanguage;
  t: Translate;
  heading: React.RefObject<HTMLHeadingElement | null>;
  onSuggestion: (number: string) => void;
}) {
  const { certificate } = result;
  const good = result.verdict === 'VALID';
  return (
    <section className={`result ${good ? 'good' : 'bad'}`} aria-live="polite" data-verdict={result.verdict}>
      <h2 ref={heading} tabIndex={-1}>
        {t('verify.result')}: {t(`verify.verdict.${result.verdict}` as VerificationKey)}
      </h2>
      <p>{language === 'en' ? result.explanation.en : result.explanation.zh}</p>
      {result.didYouMean && (
        <button type="button" onClick={() => onSuggestion(result.didYouMean!)}>
          {t('verify.didYouMean', { number: result.didYouMean })}
        </button>
      )}
      {certificate && (
        <>
          <dl>
            <dt>{t('verify.data.number')}</dt>
            <dd>{certificate.certificateNumber}</dd>
            <dt>{t('verify.data.type')}</dt>
            <dd>{certificate.certificateType}</dd>
            <dt>{t('verify.data.issueDate')}</dt>
            <dd>{certificate.issueDate}</dd>
            <dt>{t('verify.data.office')}</dt>
            <dd>{language === 'en' ? certificate.issuingOffice.nameEn : certificate.issuingOffice.nameZh}</dd>
            <dt>{t('verify.data.exporter')}</dt>
            <dd>{certificate.exporterName}</dd>
            <dt>{t('verify.data.country')}</dt>
            <dd>{countryName(certificate.importingCountry, language)}</dd>
            {certificate.replaces && (
              <>
                <dt>{t('verify.data.replaces')}</dt>
                <dd>{certificate.replaces}</dd>
              </>
            )}
          </dl>
          <h3>{t('verify.data.items')}</h3>
          <ol className="items">
            {certificate.items.map((item) => (
              <li key={item.itemNumber}>
                <span>{item.description}</span>
                <span>
                  {t('verify.data.hsCode')} {item.hsCode} · {t('verify.data.quantity')} {item.quantity ?? '—'}{' '}
                  {item.quantityUnit}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <small>{t('verify.checkedAt', { time: new Date(result.checkedAt).toLocaleString(language) })}</small>
    </section>
  );
}
