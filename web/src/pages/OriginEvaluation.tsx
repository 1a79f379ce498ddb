import { useEffect, useId, useMemo, useState } from 'react';
import type { ChangeEvent, FormEvent, ReactNode } from 'react';
import type { BillOfMaterials, MaterialRole, OriginAgreement, OriginComparison, Session } from '../api';
import { ApiError, MATERIAL_ROLES, api } from '../api';
import type { ControlProps } from '../components/BoxField';
import { CountrySelect } from '../components/CountrySelect';
import { HsCodeInput } from '../components/HsCodeInput';
import { Notice } from '../components/Notice';
import { NumberInput } from '../components/NumberInput';
import { errorText, fieldErrorText } from '../errors';
import { useI18n } from '../i18n';
import { OriginResults } from './OriginResults';

/** A material line as the form holds it; what the form does not edit (sub-assemblies...) rides along. */
interface MaterialDraft {
  name: string;
  hsCode: string;
  originCountry: string;
  proofParty: string;
  proofDocument: string;
  value: number | null;
  weightKg: number | null;
  role: MaterialRole;
  kept: Record<string, unknown>;
}

interface BillDraft {
  product: {
    hsCode: string;
    nameEn: string;
    nameZh: string;
    model: string;
    unit: string;
    exWorksPrice: number | null;
    fobPrice: number | null;
    netWeightKg: number | null;
  };
  currency: string;
  materials: MaterialDraft[];
  processes: Array<{ description: string; minimalOperation: string }>;
  kept: Record<string, unknown>;
}

const STORAGE_KEY = 'origo.origin.bill';

const blankMaterial = (): MaterialDraft => ({
  name: '',
  hsCode: '',
  originCountry: '',
  proofParty: '',
  proofDocument: '',
  value: null,
  weightKg: null,
  role: 'material',
  kept: {},
});

const blankDraft = (): BillDraft => ({
  product: {
    hsCode: '',
    nameEn: '',
    nameZh: '',
    model: '',
    unit: 'PCS',
    exWorksPrice: null,
    fobPrice: null,
    netWeightKg: null,
  },
  currency: 'USD',
  materials: [blankMaterial()],
  processes: [{ description: '', minimalOperation: '' }],
  kept: {},
});

/** The engine's JSON from the form: empty numbers go as null so the server names the field. */
export function billOf(draft: BillDraft): BillOfMaterials {
  const { product } = draft;
  return {
    ...draft.kept,
    product: {
      hsCode: product.hsCode,
      names: { en: product.nameEn, zh: product.nameZh },
      model: product.model,
      unit: product.unit,
      exWorksPrice: product.exWorksPrice as number,
      fobPrice: product.fobPrice as number,
      netWeightKg: product.netWeightKg as number,
    },
    currency: draft.currency,
    materials: draft.materials.map((material) => ({
      ...material.kept,
      name: material.name,
      hsCode: material.hsCode,
      originCountry: material.originCountry,
      proofOfOrigin: material.proofParty
        ? {
            party: material.proofParty,
            ...((material.kept.proofOfOrigin as { agreements?: string[] } | null)?.agreements
              ? { agreements: (material.kept.proofOfOrigin as { agreements: string[] }).agreements }
              : {}),
            document: material.proofDocument,
          }
        : null,
      value: material.value as number,
      weightKg: material.weightKg,
      role: material.role,
    })),
    processes: draft.processes
      .filter((step) => step.description.trim() !== '')
      .map((step) => ({ description: step.description, minimalOperation: step.minimalOperation || null })),
  };
}

/** The form from the engine's JSON (a loaded file, a pre-review's bill). */
export function draftOf(bill: BillOfMaterials): BillDraft {
  const { product, currency, materials, processes, ...kept } = bill;
  return {
    product: {
      hsCode: product.hsCode,
      nameEn: product.names.en,
      nameZh: product.names.zh,
      model: product.model,
      unit: product.unit,
      exWorksPrice: product.exWorksPrice,
      fobPrice: product.fobPrice,
      netWeightKg: product.netWeightKg,
    },
    currency,
    materials: materials.map((material) => {
      const { name, hsCode, originCountry, proofOfOrigin, value, weightKg, role, ...rest } = material;
      return {
        name,
        hsCode,
        originCountry,
        proofParty: proofOfOrigin?.party ?? '',
        proofDocument: proofOfOrigin?.document ?? '',
        value,
        weightKg: weightKg ?? null,
        role: role ?? 'material',
        kept: proofOfOrigin ? { ...rest, proofOfOrigin } : rest,
      };
    }),
    processes: processes.length
      ? processes.map((step) => ({
          description: step.description,
          minimalOperation: step.minimalOperation ?? '',
        }))
      : [{ description: '', minimalOperation: '' }],
    kept,
  };
}

function savedDraft(): BillDraft {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) return JSON.parse(saved) as BillDraft;
  } catch {
    // A draft from an older version of the page: start afresh.
  }
  return blankDraft();
}

/**
 * Origin evaluation: a bill of materials entered box by box (or loaded from a file), evaluated under one
 * or more agreements side by side, with every test's arithmetic and what would change the answer; an
 * enterprise then submits it for pre-review. The form is kept in this browser between visits.
 */
export function OriginEvaluation({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<BillDraft>(savedDraft);
  const [agreements, setAgreements] = useState<OriginAgreement[]>([]);
  const [chosen, setChosen] = useState<string[]>(['RCEP']);
  const [result, setResult] = useState<OriginComparison>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [working, setWorking] = useState(false);
  /** Each wrong cell of an imported file ("Materials!D15"), as the server named it. */
  const [importProblems, setImportProblems] = useState<Array<{ path: string; message: string }>>([]);
  const ids = useId();
  const mayApply = session.user.roles.some(
    (role) => role === 'enterprise_admin' || role === 'enterprise_applicant',
  );

  useEffect(() => {
    api.listOriginAgreements().then((answer) => setAgreements(answer.items), setError);
  }, []);
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  }, [draft]);

  const minimalOperations = useMemo(() => {
    const seen = new Map<string, { en: string; zh: string }>();
    for (const agreement of agreements)
      if (chosen.includes(agreement.id))
        for (const operation of agreement.minimalOperations)
          if (!seen.has(operation.code)) seen.set(operation.code, operation.label);
    return [...seen];
  }, [agreements, chosen]);

  const fieldError = (path: string) => fieldErrorText(t, error, `bill.${path}`);
  const setProduct = (changes: Partial<BillDraft['product']>) =>
    setDraft((current) => ({ ...current, product: { ...current.product, ...changes } }));
  const setMaterial = (index: number, changes: Partial<MaterialDraft>) =>
    setDraft((current) => ({
      ...current,
      materials: current.materials.map((material, position) =>
        position === index ? { ...material, ...changes } : material,
      ),
    }));
  const setStep = (index: number, changes: Partial<BillDraft['processes'][number]>) =>
    setDraft((current) => ({
      ...current,
      processes: current.processes.map((step, position) =>
        position === index ? { ...step, ...changes } : step,
      ),
    }));

  const evaluate = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setMessage(undefined);
    try {
      setResult(await api.evaluateOrigin(billOf(draft), chosen));
      setError(undefined);
    } catch (failure) {
      setError(failure);
      setResult(undefined);
    } finally {
      setWorking(false);
    }
  };

  const submitForPreReview = async () => {
    setWorking(true);
    try {
      const preReview = await api.submitPreReview(billOf(draft), chosen);
      window.location.hash = `#/pre-reviews/${preReview.id}`;
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };

  /** A bill from a file: the server reads XLSX, CSV or JSON and names each wrong cell. */
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    try {
      const read = await api.importBillOfMaterials(form);
      setDraft(draftOf(read.bill));
      if (read.format === 'json') {
        const request = JSON.parse(await file.text()) as { agreements?: unknown };
        if (Array.isArray(request.agreements) && request.agreements.length)
          setChosen(
            request.agreements.filter((agreement): agreement is string => typeof agreement === 'string'),
          );
      }
      setResult(undefined);
      setError(undefined);
      setImportProblems([]);
      setMessage(t('origin.loaded', { file: file.name }));
    } catch (failure) {
      setMessage(undefined);
      setError(failure);
      setImportProblems(failure instanceof ApiError ? failure.fields : []);
    }
  };

  return (
    <>
      <h1>{t('page.origin')}</h1>
      <p className="muted">{t('origin.intro')}</p>
      <form onSubmit={evaluate} noValidate>
        <section className="card wide" aria-labelledby={`${ids}-product`}>
          <h2 id={`${ids}-product`}>{t('origin.product')}</h2>
          <p className="buttons">
            <label className="file-button">
              {t('origin.loadFile')}
              <input
                type="file"
                accept=".xlsx,.csv,.json,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(event) => void load(event)}
              />
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setDraft(blankDraft());
                setResult(undefined);
                setError(undefined);
              }}
            >
              {t('origin.clear')}
            </button>
          </p>
          {importProblems.length > 0 && (
            <div className="notice notice-error" role="alert">
              <p>{t('origin.importProblems')}</p>
              <ul>
                {importProblems.map((problem) => (
                  <li key={`${problem.path}:${problem.message}`}>
                    <code>{problem.path}</code> {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="field-row">
            <LabelledControl label={t('origin.productHs')} error={fieldError('product.hsCode')}>
              {(control) => (
                <HsCodeInput
                  {...control}
                  value={draft.product.hsCode}
                  onValue={(hsCode) => setProduct({ hsCode })}
                />
              )}
            </LabelledControl>
            <LabelledControl label={t('origin.nameEn')} error={fieldError('product.names.en')}>
              {(control) => (
                <input
                  {...control}
                  value={draft.product.nameEn}
                  onChange={(event) => setProduct({ nameEn: event.target.value })}
                />
              )}
            </LabelledControl>
            <LabelledControl label={t('origin.nameZh')} error={fieldError('product.names.zh')}>
              {(control) => (
                <input
                  {...control}
                  lang="zh-CN"
                  value={draft.product.nameZh}
                  onChange={(event) => setProduct({ nameZh: event.target.value })}
                />
              )}
            </LabelledControl>
            <LabelledControl label={t('origin.model')} error={fieldError('product.model')}>
              {(control) => (
                <input
                  {...control}
                  value={draft.product.model}
                  onChange={(event) => setProduct({ model: event.target.value })}
                />
              )}
            </LabelledControl>
          </div>
          <div className="field-row">
            <LabelledControl label={t('origin.unit')} error={fieldError('product.unit')}>
              {(control) => (
                <input
                  {...control}
                  value={draft.product.unit}
                  onChange={(event) => setProduct({ unit: event.target.value })}
                />
              )}
            </LabelledControl>
            <LabelledControl label={t('origin.currency')} error={fieldError('currency')}>
              {(control) => (
                <input
                  {...control}
                  value={draft.currency}
                  maxLength={3}
                  onChange={(event) => setDraft({ ...draft, currency: event.target.value.toUpperCase() })}
                />
              )}
            </LabelledControl>
            <LabelledControl label={t('origin.exWorks')} error={fieldError('product.exWorksPrice')}>
              {(control) => (
                <NumberInput
                  {...control}
                  value={draft.product.exWorksPrice}
                  onValue={(exWorksPrice) => setProduct({ exWorksPrice })}
                />
              )}
            </LabelledControl>
            <LabelledControl label={t('origin.fob')} error={fieldError('product.fobPrice')}>
              {(control) => (
                <NumberInput
                  {...control}
                  value={draft.product.fobPrice}
                  onValue={(fobPrice) => setProduct({ fobPrice })}
                />
              )}
            </LabelledControl>
            <LabelledControl label={t('origin.netWeight')} error={fieldError('product.netWeightKg')}>
              {(control) => (
                <NumberInput
                  {...control}
                  value={draft.product.netWeightKg}
                  onValue={(netWeightKg) => setProduct({ netWeightKg })}
                />
              )}
            </LabelledControl>
          </div>
        </section>

        <section className="card wide" aria-labelledby={`${ids}-materials`}>
          <h2 id={`${ids}-materials`}>{t('origin.materials')}</h2>
          <p className="muted">{t('origin.materialsHint', { currency: draft.currency || 'USD' })}</p>
          {draft.materials.map((material, index) => (
            <fieldset key={index} className="entry">
              <legend>{t('origin.material', { number: index + 1 })}</legend>
              <div className="field-row">
                <LabelledControl
                  label={t('origin.materialName')}
                  error={fieldError(`materials.${index}.name`)}
                >
                  {(control) => (
                    <input
                      {...control}
                      value={material.name}
                      onChange={(event) => setMaterial(index, { name: event.target.value })}
                    />
                  )}
                </LabelledControl>
                <LabelledControl
                  label={t('origin.materialHs')}
                  error={fieldError(`materials.${index}.hsCode`)}
                >
                  {(control) => (
                    <HsCodeInput
                      {...control}
                      value={material.hsCode}
                      onValue={(hsCode) => setMaterial(index, { hsCode })}
                    />
                  )}
                </LabelledControl>
                <LabelledControl
                  label={t('origin.materialOrigin')}
                  error={fieldError(`materials.${index}.originCountry`)}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={material.originCountry === 'undetermined' ? 'undetermined' : 'known'}
                      onChange={(event) =>
                        setMaterial(index, {
                          originCountry: event.target.value === 'undetermined' ? 'undetermined' : '',
                        })
                      }
                    >
                      <option value="known">{t('origin.originKnown')}</option>
                      <option value="undetermined">{t('origin.undetermined')}</option>
                    </select>
                  )}
                </LabelledControl>
                {material.originCountry !== 'undetermined' && (
                  <LabelledControl label={t('origin.country')} error={undefined}>
                    {(control) => (
                      <CountrySelect
                        {...control}
                        countries="*"
                        value={material.originCountry}
                        onValue={(originCountry) => setMaterial(index, { originCountry })}
                      />
                    )}
                  </LabelledControl>
                )}
              </div>
              <div className="field-row">
                <LabelledControl label={t('origin.value')} error={fieldError(`materials.${index}.value`)}>
                  {(control) => (
                    <NumberInput
                      {...control}
                      value={material.value}
                      onValue={(value) => setMaterial(index, { value })}
                    />
                  )}
                </LabelledControl>
                <LabelledControl label={t('origin.weight')} error={fieldError(`materials.${index}.weightKg`)}>
                  {(control) => (
                    <NumberInput
                      {...control}
                      value={material.weightKg}
                      onValue={(weightKg) => setMaterial(index, { weightKg })}
                    />
                  )}
                </LabelledControl>
                <LabelledControl label={t('origin.role')} error={fieldError(`materials.${index}.role`)}>
                  {(control) => (
                    <select
                      {...control}
                      value={material.role}
                      onChange={(event) => setMaterial(index, { role: event.target.value as MaterialRole })}
                    >
                      {MATERIAL_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`origin.role.${role}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </LabelledControl>
                <LabelledControl
                  label={t('origin.proofParty')}
                  error={fieldError(`materials.${index}.proofOfOrigin.party`)}
                >
                  {(control) => (
                    <CountrySelect
                      {...control}
                      countries="*"
                      emptyLabel={t('origin.noProof')}
                      value={material.proofParty}
                      onValue={(proofParty) => setMaterial(index, { proofParty })}
                    />
                  )}
                </LabelledControl>
                {material.proofParty && (
                  <LabelledControl
                    label={t('origin.proofDocument')}
                    error={fieldError(`materials.${index}.proofOfOrigin.document`)}
                  >
                    {(control) => (
                      <input
                        {...control}
                        value={material.proofDocument}
                        onChange={(event) => setMaterial(index, { proofDocument: event.target.value })}
                      />
                    )}
                  </LabelledControl>
                )}
              </div>
              {material.kept.subAssembly ? <p className="muted">{t('origin.subAssemblyKept')}</p> : null}
              {draft.materials.length > 1 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    setDraft({
                      ...draft,
                      materials: draft.materials.filter((__, position) => position !== index),
                    })
                  }
                >
                  {t('origin.removeMaterial', { number: index + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <p className="buttons">
            <button
              type="button"
              className="secondary"
              onClick={() => setDraft({ ...draft, materials: [...draft.materials, blankMaterial()] })}
            >
              {t('origin.addMaterial')}
            </button>
          </p>
        </section>

        <section className="card wide" aria-labelledby={`${ids}-processes`}>
          <h2 id={`${ids}-processes`}>{t('origin.processes')}</h2>
          {draft.processes.map((step, index) => (
            <div key={index} className="field-row">
              <LabelledControl
                label={t('origin.step', { number: index + 1 })}
                error={fieldError(`processes.${index}.description`)}
              >
                {(control) => (
                  <input
                    {...control}
                    value={step.description}
                    onChange={(event) => setStep(index, { description: event.target.value })}
                  />
                )}
              </LabelledControl>
              <LabelledControl label={t('origin.minimalOperation')} error={undefined}>
                {(control) => (
                  <select
                    {...control}
                    value={step.minimalOperation}
                    onChange={(event) => setStep(index, { minimalOperation: event.target.value })}
                  >
                    <option value="">{t('origin.notMinimal')}</option>
                    {minimalOperations.map(([code, label]) => (
                      <option key={code} value={code}>
                        {language === 'en' ? label.en : label.zh}
                      </option>
                    ))}
                  </select>
                )}
              </LabelledControl>
            </div>
          ))}
          <p className="buttons">
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setDraft({
                  ...draft,
                  processes: [...draft.processes, { description: '', minimalOperation: '' }],
                })
              }
            >
              {t('origin.addStep')}
            </button>
          </p>
        </section>

        <section className="card wide" aria-labelledby={`${ids}-agreements`}>
          <h2 id={`${ids}-agreements`}>{t('origin.agreements')}</h2>
          <fieldset className="choices">
            <legend className="visually-hidden">{t('origin.agreements')}</legend>
            {agreements.map((agreement) => (
              <label key={agreement.id} className="choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(agreement.id)}
                  onChange={(event) =>
                    setChosen(
                      event.target.checked
                        ? [...chosen, agreement.id]
                        : chosen.filter((id) => id !== agreement.id),
                    )
                  }
                />{' '}
                {agreement.id} · {language === 'en' ? agreement.names.en : agreement.names.zh}
              </label>
            ))}
          </fieldset>
          {message && <Notice kind="success">{message}</Notice>}
          {error !== undefined && (
            <Notice kind="error">
              {error instanceof Error && !('code' in error) ? error.message : errorText(t, error)}
            </Notice>
          )}
          <p className="buttons">
            <button type="submit" disabled={working || chosen.length === 0}>
              {t('origin.evaluate')}
            </button>
            {mayApply && result && (
              <button
                type="button"
                className="secondary"
                disabled={working}
                onClick={() => void submitForPreReview()}
              >
                {t('origin.submitPreReview')}
              </button>
            )}
          </p>
        </section>
      </form>
      {result && <OriginResults comparison={result} />}
    </>
  );
}

/** A label and one control, with the server's problem for that field below it. */
function LabelledControl({
  label,
  error,
  children,
}: {
  label: string;
  error: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}),
      })}
      {error && (
        <small id={`${id}-error`} className="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
