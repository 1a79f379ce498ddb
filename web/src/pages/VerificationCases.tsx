import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  CaseSource,
  CaseStatus,
  EvidenceRequest,
  Organisation,
  Session,
  VerificationCase,
} from '../api';
import { api } from '../api';
import { CountrySelect } from '../components/CountrySelect';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { countryName } from '../countries';
import { chinaDay } from '../days';
import { errorText, fieldErrorText } from '../errors';
import type { Translate } from '../i18n';
import { useI18n } from '../i18n';
import { organisationName, useEnterpriseNames } from './names';

/** Whether the user works for customs on cases (an officer), rather than answering them (an enterprise). */
export const isOfficer = (session: Session) => session.user.roles.includes('customs_officer');

/** The enterprises an officer may name, for filters and names in lists; nothing for anyone else. */
export function useEnterprises(session: Session, onError: (error: unknown) => void): Organisation[] {
  const [enterprises, setEnterprises] = useState<Organisation[]>([]);
  const customs = session.user.roles.some((role) => role === 'customs_officer' || role === 'customs_admin');
  useEffect(() => {
    if (customs) api.listOrganisations('enterprise').then((page) => setEnterprises(page.items), onError);
  }, [customs, onError]);
  return enterprises;
}

/** Where a case came from, in words: the foreign authority and their reference, the risk rule, sampling. */
export function sourceText(t: Translate, entry: VerificationCase, language: 'en' | 'zh-CN'): string {
  if (entry.source === 'foreign_request')
    return t('cases.fromForeign', {
      country: countryName(entry.requestingCountry, language),
      authority: entry.requestingAuthority,
      reference: entry.foreignReference || '—',
    });
  if (entry.source === 'risk') return t('cases.fromRisk', { rule: entry.riskRule });
  return t('cases.source.sampling');
}

/** Who owns a case: their name, "(you)" when it is the reader. */
export function ownerText(t: Translate, entry: VerificationCase, session: Session): string {
  if (entry.ownerId === null) return t('cases.noOwner');
  const name = entry.ownerName ?? t('cases.ownerOther');
  return entry.ownerId === session.user.id ? t('cases.ownerYouNamed', { name }) : name;
}

type Cursor = { openedAt: string; id: string };

/**
 * Verification cases. An officer sees the cases of their offices (filters: status, type, enterprise, owner),
 * opens new ones and takes unowned ones over; an enterprise sees its own, agent staff those of the
 * certificates their agency applied for, each with the requests for evidence still waiting for an answer.
 */
export function VerificationCases({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const officer = isOfficer(session);
  const agency = session.user.organisation.kind === 'agency';
  const [filter, setFilter] = useState<{
    status: CaseStatus | '';
    typeCode: string;
    enterpriseId: string;
    owner: '' | 'unowned' | 'mine';
  }>({
    status: officer ? 'open' : '',
    typeCode: '',
    enterpriseId: '',
    owner: '',
  });
  const [items, setItems] = useState<VerificationCase[]>();
  const [next, setNext] = useState<Cursor | null>(null);
  const [openRequests, setOpenRequests] = useState<EvidenceRequest[]>([]);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const onError = useCallback((failure: unknown) => setError(failure), []);
  const types = useCertificateTypes(onError);
  const enterprises = useEnterprises(session, onError);
  const principals = useEnterpriseNames(session, onError);
  const [opening, setOpening] = useState(false);
  const today = chinaDay(0);

  const query = useMemo(
    () => ({
      status: filter.status || undefined,
      typeCode: filter.typeCode || undefined,
      enterpriseId: filter.enterpriseId || undefined,
      owner: filter.owner || undefined,
    }),
    [filter],
  );
  useEffect(() => {
    api.listVerificationCases(query).then((answer) => {
      setItems(answer.items);
      setNext(answer.next);
      setError(undefined);
    }, setError);
  }, [query]);
  const more = async () => {
    if (!next) return;
    try {
      const answer = await api.listVerificationCases({
        ...query,
        beforeOpenedAt: next.openedAt,
        beforeId: next.id,
      });
      setItems((shown) => [...(shown ?? []), ...answer.items]);
      setNext(answer.next);
    } catch (failure) {
      setError(failure);
    }
  };
  const take = async (entry: VerificationCase) => {
    try {
      const taken = await api.takeVerificationCase(entry.id, entry.version);
      setItems((shown) =>
        filter.owner === 'unowned'
          ? shown?.filter((other) => other.id !== taken.id)
          : shown?.map((other) => (other.id === taken.id ? taken : other)),
      );
      setMessage(t('cases.taken'));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  };
  useEffect(() => {
    if (!officer)
      api
        .listAllEvidenceRequests('open')
        .then(
          (answer) =>
            setOpenRequests(answer.items.filter((request) => request.subjectType === 'verification_case')),
          setError,
        );
  }, [officer]);

  const enterpriseName = (id: string) => {
    const found = enterprises.find((enterprise) => enterprise.id === id);
    if (found) return organisationName(found, language);
    const principal = principals.get(id);
    return principal ? localised(principal, language) : id;
  };
  const showsEnterprise = officer || agency;

  return (
    <>
      <h1>{t(officer ? 'page.verificationCases' : 'page.verification')}</h1>
      <p className="muted">
        {t(officer ? 'cases.intro' : agency ? 'cases.agencyIntro' : 'cases.enterpriseIntro')}
      </p>
      {officer && !opening && (
        <p className="buttons">
          <button type="button" onClick={() => setOpening(true)}>
            {t('cases.open')}
          </button>
        </p>
      )}
      {officer && opening && <OpenCaseForm onCancel={() => setOpening(false)} />}
      <form
        className="card wide filters"
        aria-label={t('cases.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="cases-status">{t('common.status')}</label>
            <select
              id="cases-status"
              value={filter.status}
              onChange={(event) => setFilter({ ...filter, status: event.target.value as CaseStatus | '' })}
            >
              <option value="">{t('cases.all')}</option>
              <option value="open">{t('cases.status.open')}</option>
              <option value="concluded">{t('cases.status.concluded')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="cases-type">{t('cases.type')}</label>
            <select
              id="cases-type"
              value={filter.typeCode}
              onChange={(event) => setFilter({ ...filter, typeCode: event.target.value })}
            >
              <option value="">{t('cases.allTypes')}</option>
              {types?.map((type) => (
                <option key={type.code} value={type.code}>
                  {type.code} — {localised(type.names, language)}
                </option>
              ))}
            </select>
          </div>
          {officer && (
            <div className="field">
              <label htmlFor="cases-owner">{t('cases.owner')}</label>
              <select
                id="cases-owner"
                value={filter.owner}
                onChange={(event) =>
                  setFilter({ ...filter, owner: event.target.value as '' | 'unowned' | 'mine' })
                }
              >
                <option value="">{t('cases.anyOwner')}</option>
                <option value="unowned">{t('cases.unowned')}</option>
                <option value="mine">{t('cases.mine')}</option>
              </select>
            </div>
          )}
          {officer && (
            <div className="field">
              <label htmlFor="cases-enterprise">{t('applications.enterprise')}</label>
              <select
                id="cases-enterprise"
                value={filter.enterpriseId}
                onChange={(event) => setFilter({ ...filter, enterpriseId: event.target.value })}
              >
                <option value="">{t('cases.allEnterprises')}</option>
                {enterprises.map((enterprise) => (
                  <option key={enterprise.id} value={enterprise.id}>
                    {organisationName(enterprise, language)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      </form>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {!items && error === undefined && <p>{t('common.loading')}</p>}
      {items?.length === 0 && <p>{t('cases.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.case')}</th>
                <th scope="col">{t('cases.certificates')}</th>
                {showsEnterprise && <th scope="col">{t('applications.enterprise')}</th>}
                <th scope="col">{t('cases.replyDue')}</th>
                {officer ? (
                  <th scope="col">{t('cases.owner')}</th>
                ) : (
                  <th scope="col">{t('cases.openRequests')}</th>
                )}
                <th scope="col">{t('cases.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const overdue = item.status === 'open' && item.replyDue !== null && item.replyDue < today;
                const waiting = openRequests.filter((request) => request.subjectId === item.id);
                return (
                  <tr key={item.id}>
                    <td className="name">
                      <a href={`#/verification-cases/${item.id}`}>{t(`cases.source.${item.source}`)}</a>
                      <div className="muted">
                        {sourceText(t, item, language)} · {t('cases.openedOn', { day: item.openedOn })}
                      </div>
                    </td>
                    <td>
                      {item.certificates.map((certificate) => certificate.certificateNumber).join(', ')}
                    </td>
                    {showsEnterprise && <td>{enterpriseName(item.enterpriseId)}</td>}
                    <td>
                      {item.replyDue ?? '—'}
                      {overdue && <strong className="error"> {t('evidence.overdue')}</strong>}
                    </td>
                    {officer ? (
                      <td>
                        <span>{ownerText(t, item, session)}</span>
                        {item.status === 'open' && item.ownerId !== session.user.id && (
                          <div>
                            <button
                              type="button"
                              className="secondary"
                              aria-label={t('cases.takeCase', {
                                numbers: item.certificates
                                  .map((certificate) => certificate.certificateNumber)
                                  .join(', '),
                              })}
                              onClick={() => void take(item)}
                            >
                              {t('cases.take')}
                            </button>
                          </div>
                        )}
                      </td>
                    ) : (
                      <td>
                        {waiting.length === 0
                          ? '—'
                          : waiting.map((request) => (
                              <div key={request.id}>
                                {t('evidence.deadline', { deadline: request.deadline })}
                                {request.overdue && (
                                  <strong className="error"> {t('evidence.overdue')}</strong>
                                )}
                              </div>
                            ))}
                      </td>
                    )}
                    <td>
                      {item.outcome ? t(`cases.outcome.${item.outcome}`) : t(`cases.status.${item.status}`)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <p className="buttons">
          <button type="button" className="secondary" onClick={() => void more()}>
            {t('cases.more')}
          </button>
        </p>
      )}
    </>
  );
}

/** What the officer fills in to open a case; sent as the API takes it. */
interface CaseForm {
  source: CaseSource;
  certificateNumbers: string[];
  requestingCountry: string;
  requestingAuthority: string;
  foreignReference: string;
  receivedOn: string;
  replyDue: string;
  questions: string;
  riskRule: string;
}

/** Opening a case: where it comes from, what the foreign authority asked (or the rule), the certificates. */
function OpenCaseForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<CaseForm>({
    source: 'foreign_request',
    certificateNumbers: [''],
    requestingCountry: '',
    requestingAuthority: '',
    foreignReference: '',
    receivedOn: chinaDay(0),
    replyDue: '',
    questions: '',
    riskRule: '',
  });
  const [error, setError] = useState<unknown>();
  const set = (changes: Partial<CaseForm>) => setForm({ ...form, ...changes });
  const problem = (path: string) => fieldErrorText(t, error, path);
  const foreign = form.source === 'foreign_request';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = form.certificateNumbers.map((number) => number.trim()).filter(Boolean);
    try {
      const opened = await api.openVerificationCase({
        source: form.source,
        certificateNumbers: numbers,
        ...(foreign
          ? {
              requestingCountry: form.requestingCountry,
              requestingAuthority: form.requestingAuthority,
              foreignReference: form.foreignReference,
              receivedOn: form.receivedOn,
              ...(form.replyDue ? { replyDue: form.replyDue } : {}),
            }
          : {}),
        questions: form.questions,
        ...(form.source === 'risk' ? { riskRule: form.riskRule } : {}),
      });
      window.location.hash = `#/verification-cases/${opened.id}`;
    } catch (failure) {
      setError(failure);
    }
  };

  const textField = (
    id: string,
    key: 'requestingAuthority' | 'foreignReference' | 'riskRule',
    label: string,
    hint?: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={form[key]}
        aria-invalid={problem(key) ? true : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => set({ [key]: event.target.value })}
      />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {problem(key) && (
        <small className="error" role="alert">
          {problem(key)}
        </small>
      )}
    </div>
  );
  const dayField = (id: string, key: 'receivedOn' | 'replyDue', label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={form[key]}
        aria-invalid={problem(key) ? true : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => set({ [key]: event.target.value })}
      />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {problem(key) && (
        <small className="error" role="alert">
          {problem(key)}
        </small>
      )}
    </div>
  );

  return (
    <form className="card wide" onSubmit={submit} aria-labelledby="open-case-title" noValidate>
      <h2 id="open-case-title">{t('cases.open')}</h2>
      <fieldset>
        <legend>{t('cases.source')}</legend>
        {(['foreign_request', 'risk', 'sampling'] as const).map((source) => (
          <label key={source} className="choice">
            <input
              type="radio"
              name="case-source"
              checked={form.source === source}
              onChange={() => set({ source })}
            />{' '}
            {t(`cases.source.${source}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('cases.certificates')}</legend>
        {form.certificateNumbers.map((number, index) => (
          <div className="field" key={index}>
            <label htmlFor={`case-certificate-${index}`}>
              {t('cases.certificateNumber', { n: index + 1 })}
            </label>
            <input
              id={`case-certificate-${index}`}
              value={number}
              aria-invalid={problem(`certificateNumbers.${index}`) ? true : undefined}
              onChange={(event) =>
                set({
                  certificateNumbers: form.certificateNumbers.map((other, position) =>
                    position === index ? event.target.value.toUpperCase() : other,
                  ),
                })
              }
            />
            {problem(`certificateNumbers.${index}`) && (
              <small className="error" role="alert">
                {problem(`certificateNumbers.${index}`)}
              </small>
            )}
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => set({ certificateNumbers: [...form.certificateNumbers, ''] })}
        >
          {t('cases.addCertificate')}
        </button>
      </fieldset>
      {foreign && (
        <>
          <div className="field">
            <label htmlFor="case-country">{t('cases.requestingCountry')}</label>
            <CountrySelect
              id="case-country"
              value={form.requestingCountry}
              onValue={(requestingCountry) => set({ requestingCountry })}
              countries="*"
              {...(problem('requestingCountry') ? { 'aria-invalid': true as const } : {})}
            />
            {problem('requestingCountry') && (
              <small className="error" role="alert">
                {problem('requestingCountry')}
              </small>
            )}
          </div>
          {textField('case-authority', 'requestingAuthority', t('cases.requestingAuthority'))}
          {textField('case-reference', 'foreignReference', t('cases.foreignReference'))}
          {dayField('case-received', 'receivedOn', t('cases.receivedOn'))}
          {dayField('case-reply-due', 'replyDue', t('cases.replyDueLabel'), t('cases.replyDueHint'))}
        </>
      )}
      {form.source === 'risk' && textField('case-rule', 'riskRule', t('cases.riskRule'))}
      <div className="field">
        <label htmlFor="case-questions">{t(foreign ? 'cases.questions' : 'cases.concerns')}</label>
        <textarea
          id="case-questions"
          value={form.questions}
          rows={4}
          aria-invalid={problem('questions') ? true : undefined}
          onChange={(event) => set({ questions: event.target.value })}
        />
        {problem('questions') && (
          <small className="error" role="alert">
            {problem('questions')}
          </small>
        )}
      </div>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      <p className="buttons">
        <button type="submit">{t('cases.openSubmit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </p>
    </form>
  );
}
