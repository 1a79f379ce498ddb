import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type {
  ApplicationData,
  ApplicationFieldPath,
  CertificateBox,
  CertificateType,
  Endorsement,
} from '../api';
import { TRANSPORT_MODES } from '../api';
import type { ControlProps } from '../components/BoxField';
import { BoxField, FindingList } from '../components/BoxField';
import { CapitalsInput } from '../components/CapitalsInput';
import { CountrySelect } from '../components/CountrySelect';
import { CriterionInput } from '../components/CriterionInput';
import { HsCodeInput } from '../components/HsCodeInput';
import { NumberInput } from '../components/NumberInput';
import { PreReviewPicker, usePreReviewChoices } from './PreReviewPicker';
import { localised } from '../certificate-types';
import { COUNTRY_CODES } from '../countries';
import type { Translate } from '../i18n';
import { DICTIONARIES, useI18n } from '../i18n';
import type { BoxField as TypeBoxField, OptionGroup, PlacedFindings } from './certificate-layout';
import {
  blankItem,
  blankOption,
  boxId,
  concretePath,
  fieldId,
  formParts,
  isInvoiceField,
  isItemField,
  optionGroupOf,
  optionShown,
  valueAt,
} from './certificate-layout';

const PACKAGE_KINDS = [
  'CARTONS',
  'PALLETS',
  'BAGS',
  'CASES',
  'CRATES',
  'DRUMS',
  'BALES',
  'ROLLS',
  'IN BULK',
  'IN NUDE',
];
const QUANTITY_UNITS = [
  'PCS',
  'SETS',
  'PAIRS',
  'DOZ',
  'KGS',
  'G.W. KGS',
  'N.W. KGS',
  'MT',
  'M',
  'M2',
  'M3',
  'L',
];
/** Invoices one application may list (the API's limit). */
const MAX_INVOICES = 50;

export interface CertificateBoxesProps {
  type: CertificateType;
  data: ApplicationData;
  /** What the certificate will print for the route and each item's packages, as of the last save. */
  certificateText: { route: string; packages: string[] };
  placed: PlacedFindings;
  readOnly: boolean;
  onChange: (path: string, value: unknown) => void;
  /** Box numbers customs marked for correction (a return), or the officer is marking. */
  marked?: ReadonlySet<string> | undefined;
  /** What the issuing authority wrote in its boxes (retroactive issue, replacement wording). */
  endorsements?: readonly Endorsement[] | undefined;
}

/**
 * The application as the certificate lays it out: each box in the type's order with its number, label and
 * fields; the goods boxes repeated per item; the ticks a type offers; and the field rules' findings at the
 * fields they concern. Boxes customs marked for correction say so in their legend, besides their colour.
 */
export function CertificateBoxes(props: CertificateBoxesProps) {
  const { type } = props;
  const parts = useMemo(() => formParts(type), [type]);
  return (
    <>
      <datalist id="package-kinds">
        {PACKAGE_KINDS.map((kind) => (
          <option key={kind} value={kind} />
        ))}
      </datalist>
      <datalist id="quantity-units">
        {QUANTITY_UNITS.map((unit) => (
          <option key={unit} value={unit} />
        ))}
      </datalist>
      {parts.map((part) =>
        part.kind === 'box' ? (
          <Box key={part.box.number} box={part.box} fields={part.box.fields} {...props} />
        ) : (
          <GoodsItems key="goods" boxes={part.boxes} {...props} />
        ),
      )}
    </>
  );
}

/** The countries a field may name: the type's parties where the agreement demands it, otherwise any. */
function useCountryChoices(type: CertificateType) {
  return useMemo(() => {
    const parties = type.importingCountries === '*' ? COUNTRY_CODES : [...type.importingCountries, 'CN'];
    return (path: ApplicationFieldPath): '*' | readonly string[] => {
      switch (path) {
        case 'destinationCountry':
          return type.importingCountries;
        case 'consignee.country':
          return type.agreement ? type.importingCountries : '*';
        case 'items[].originCountry':
          return parties;
        case 'backToBack.originalCountry':
          return type.backToBackOriginCountries;
        default:
          return COUNTRY_CODES;
      }
    };
  }, [type]);
}

/** One field's control, label, hint and findings, chosen by what the field holds. */
function FieldControl({
  field,
  path,
  type,
  data,
  placed,
  onChange,
}: CertificateBoxesProps & { field: TypeBoxField; path: string }) {
  const { t } = useI18n();
  const countries = useCountryChoices(type);
  const findings = placed.byField.get(path) ?? [];
  const id = fieldId(path);
  const value = valueAt(data, path);
  const set = (next: unknown) => onChange(path, next);
  const label = t(`appField.${field.path}`);
  const text = typeof value === 'string' ? value : '';

  if (field.path === 'commitment') {
    const described = findings.length ? `${id}-findings` : undefined;
    return (
      <div className="field commitment">
        <span className="label">{label}</span>
        <label className="choice">
          <input
            type="checkbox"
            id={id}
            checked={data.commitment}
            aria-describedby={described}
            aria-invalid={findings.some((finding) => finding.severity === 'error') || undefined}
            onChange={(event) => set(event.target.checked)}
          />
          <span>
            <span lang="en">{DICTIONARIES.en['application.commitmentText']}</span>
            <br />
            <span lang="zh-CN">{DICTIONARIES['zh-CN']['application.commitmentText']}</span>
          </span>
        </label>
        <FindingList id={`${id}-findings`} findings={findings} />
      </div>
    );
  }

  const control = (props: ControlProps): ReactNode => {
    const kind = controlKind(field.path);
    switch (kind) {
      case 'country':
        return <CountrySelect {...props} value={text} onValue={set} countries={countries(field.path)} />;
      case 'date':
        return <input {...props} type="date" value={text} onChange={(event) => set(event.target.value)} />;
      case 'integer':
      case 'number':
        return (
          <NumberInput
            {...props}
            integer={kind === 'integer'}
            value={typeof value === 'number' ? value : null}
            onValue={set}
          />
        );
      case 'mode':
        return (
          <select {...props} value={text} onChange={(event) => set(event.target.value)}>
            <option value="">{t('application.pick')}</option>
            {TRANSPORT_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`transportMode.${mode}`)}
              </option>
            ))}
          </select>
        );
      case 'hs':
        return <HsCodeInput {...props} value={text} onValue={set} />;
      case 'criterion':
        return <CriterionInput {...props} criteria={type.originCriteria} value={text} onValue={set} />;
      case 'multiline':
        return <CapitalsInput {...props} multiline value={text} onValue={set} />;
      case 'text':
        return (
          <CapitalsInput
            {...props}
            value={text}
            onValue={set}
            list={
              field.path === 'items[].packageKind'
                ? 'package-kinds'
                : field.path === 'items[].quantityUnit'
                  ? 'quantity-units'
                  : undefined
            }
          />
        );
    }
  };

  return (
    <BoxField
      id={id}
      label={label}
      hint={hintFor(field, type, t)}
      required={field.required}
      findings={findings}
      wide={controlKind(field.path) === 'multiline'}
    >
      {control}
    </BoxField>
  );
}

type ControlKind =
  'text' | 'multiline' | 'date' | 'country' | 'integer' | 'number' | 'mode' | 'hs' | 'criterion';

function controlKind(path: ApplicationFieldPath): ControlKind {
  if (path === 'destinationCountry' || /[.]?(country|originCountry|originalCountry)$/.test(path))
    return 'country';
  if (/[dD]ate$/.test(path)) return 'date';
  if (path === 'items[].packageCount') return 'integer';
  if (path === 'items[].quantity' || path === 'items[].fobValue') return 'number';
  if (path === 'transport.mode') return 'mode';
  if (path === 'items[].hsCode') return 'hs';
  if (path === 'items[].originCriterion') return 'criterion';
  if (/\.address$|^items\[\]\.(marks|description)$|^remarks$/.test(path)) return 'multiline';
  return 'text';
}

function hintFor(field: TypeBoxField, type: CertificateType, t: Translate): string | undefined {
  switch (field.path) {
    case 'consignee.name':
      return type.consigneePlaceholders.length
        ? t('appHint.consigneePlaceholders', { values: type.consigneePlaceholders.join(' / ') })
        : undefined;
    case 'producer.name':
      return type.producerPlaceholders.length
        ? t('appHint.producerPlaceholders', { values: type.producerPlaceholders.join(' / ') })
        : undefined;
    case 'items[].marks':
      return t('appHint.marks');
    case 'items[].packageKind':
      return t('appHint.packageKind');
    case 'items[].description':
      return t('appHint.description');
    case 'items[].hsCode':
      return type.items.hsDigits === 6 ? t('appHint.hsSixDigits') : t('appHint.hsDeclared');
    case 'items[].fobValue': {
      if (type.fobValue !== 'when_value_content') return undefined;
      const codes = type.originCriteria.filter((criterion) => criterion.valueContent);
      return t('appHint.fobWhenValueContent', {
        codes: codes.map((criterion) => criterion.code).join(', '),
      });
    }
    case 'declaration.place':
      return t('appHint.declarationPlace');
    default:
      return field.maxLength && controlKind(field.path) === 'multiline'
        ? t('appHint.maxLength', { max: field.maxLength })
        : undefined;
  }
}

/** A box's number and label, as printed on the form, and whether customs marked it for correction. */
function BoxLegend({ box, suffix, marked }: { box: CertificateBox; suffix?: string; marked?: boolean }) {
  const { t, language } = useI18n();
  return (
    <>
      <span className="box-number">{box.number}</span> {localised(box.label, language)}
      {suffix && ` ${suffix}`}
      {marked && (
        <>
          {' '}
          <span className="box-flag">{t('review.boxFlag')}</span>
        </>
      )}
    </>
  );
}

/** The authority's wording in a box, as the certificate prints it. */
function EndorsementTexts({ box, endorsements }: { box: string; endorsements?: readonly Endorsement[] }) {
  const texts = (endorsements ?? []).filter((endorsement) => endorsement.box === box);
  return texts.map((endorsement) => (
    <p key={endorsement.text} className="certificate-text endorsement">
      {endorsement.text}
    </p>
  ));
}

/** One box with the given fields (all of a box's fields, or those left beside the goods items). */
function Box(
  props: CertificateBoxesProps & { box: CertificateBox; fields: TypeBoxField[]; continued?: boolean },
) {
  const { t } = useI18n();
  const { box, fields, continued, ...base } = props;
  const { placed, certificateText, marked, endorsements } = base;
  const findings = placed.byBox.get(box.number) ?? [];
  const isMarked = marked?.has(box.number) ?? false;
  const endorsed = endorsements?.some((endorsement) => endorsement.box === box.number) ?? false;
  if (fields.length === 0 && findings.length === 0) {
    return (
      <div
        className={isMarked ? 'box box-empty box-marked' : 'box box-empty'}
        id={boxId(box.number)}
        tabIndex={-1}
      >
        <BoxLegend box={box} marked={isMarked} />{' '}
        {!endorsed && (
          <span className="muted">
            {box.official ? t('application.officialBox') : t('application.automaticBox')}
          </span>
        )}
        <EndorsementTexts box={box.number} endorsements={endorsements} />
      </div>
    );
  }

  const content: ReactNode[] = [];
  const done = new Set<string>();
  for (const field of fields) {
    const group = optionGroupOf(field.path);
    if (isInvoiceField(field)) {
      if (done.has('invoices')) continue;
      done.add('invoices');
      content.push(<Invoices key="invoices" {...base} fields={fields.filter(isInvoiceField)} />);
    } else if (group) {
      if (done.has(group)) continue;
      done.add(group);
      content.push(
        <OptionFields
          key={group}
          {...base}
          group={group}
          fields={fields.filter((entry) => optionGroupOf(entry.path) === group)}
        />,
      );
    } else {
      content.push(<FieldControl key={field.path} {...base} field={field} path={field.path} />);
    }
  }
  const holdsRoute = fields.some((field) => field.path === 'transport.mode');

  return (
    <fieldset className={isMarked ? 'box box-marked' : 'box'} id={boxId(box.number)} tabIndex={-1}>
      <legend>
        <BoxLegend box={box} suffix={continued ? t('application.continued') : undefined} marked={isMarked} />
      </legend>
      <FindingList findings={findings} />
      <EndorsementTexts box={box.number} endorsements={endorsements} />
      <div className="box-fields">{content}</div>
      {holdsRoute && certificateText.route && (
        <p className="certificate-text">{t('application.onCertificate', { text: certificateText.route })}</p>
      )}
    </fieldset>
  );
}

/** A tick the form offers (third-party invoicing, back-to-back, exhibition) and, once ticked, its fields. */
function OptionFields(props: CertificateBoxesProps & { group: OptionGroup; fields: TypeBoxField[] }) {
  const { t } = useI18n();
  const { group, fields, ...base } = props;
  const { type, data, onChange } = base;
  const shown = optionShown(type, data, group);
  const tickable = !(group === 'backToBack' && type.backToBackOnly) && (type.options[group] || shown);
  return (
    <div className="option-group">
      {tickable ? (
        <label className="choice">
          <input
            type="checkbox"
            checked={data[group] !== null}
            onChange={(event) => onChange(group, event.target.checked ? blankOption(group) : null)}
          />
          {t(`application.tick.${group}`)}
        </label>
      ) : (
        <p className="label">{t(`application.tick.${group}`)}</p>
      )}
      {shown && (
        <div className="field-row">
          {fields.map((field) => (
            <FieldControl key={field.path} {...base} field={field} path={field.path} />
          ))}
        </div>
      )}
    </div>
  );
}

/** The invoices box: each invoice's number and date, as many as there are. */
function Invoices(props: CertificateBoxesProps & { fields: TypeBoxField[] }) {
  const { t } = useI18n();
  const { fields, ...base } = props;
  const { data, readOnly, onChange } = base;
  return (
    <div className="repeat">
      {data.invoices.map((_, index) => (
        <fieldset key={index} className="entry">
          <legend>{t('application.invoice', { number: index + 1 })}</legend>
          <div className="field-row">
            {fields.map((field) => (
              <FieldControl key={field.path} {...base} field={field} path={concretePath(field.path, index)} />
            ))}
          </div>
          {!readOnly && data.invoices.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                onChange(
                  'invoices',
                  data.invoices.filter((__, position) => position !== index),
                )
              }
            >
              {t('application.removeInvoice', { number: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button
          type="button"
          className="secondary"
          disabled={data.invoices.length >= MAX_INVOICES}
          onClick={() => onChange('invoices', [...data.invoices, { number: '', date: '' }])}
        >
          {t('application.addInvoice')}
        </button>
      )}
    </div>
  );
}

/** The goods boxes, repeated for each item, then what else those boxes hold. */
function GoodsItems(props: CertificateBoxesProps & { boxes: CertificateBox[] }) {
  const { t } = useI18n();
  const { boxes, ...base } = props;
  const { type, data, placed, certificateText, readOnly, onChange, marked } = base;
  const from = boxes[0]?.number ?? '';
  const to = boxes.at(-1)?.number ?? '';
  const findings = placed.byBox.get('goods') ?? [];
  const full = data.items.length >= type.items.max;
  const markedHere = boxes.filter((box) => marked?.has(box.number));
  const preReviews = usePreReviewChoices(type, !readOnly);
  return (
    <>
      <fieldset
        className={markedHere.length ? 'box goods box-marked' : 'box goods'}
        id={boxId('goods')}
        tabIndex={-1}
      >
        <legend>
          {from === to
            ? t('application.goodsBox', { number: from })
            : t('application.goodsBoxes', { from, to })}
          {markedHere.length > 0 && (
            <>
              {' '}
              <span className="box-flag">
                {t('review.goodsFlag', {
                  boxes: markedHere.map((box) => t('application.box', { number: box.number })).join(', '),
                })}
              </span>
            </>
          )}
        </legend>
        <FindingList findings={findings} />
        {data.items.map((_, index) => (
          <fieldset key={index} className="entry">
            <legend>{t('application.item', { number: index + 1 })}</legend>
            <PreReviewPicker
              type={type}
              item={data.items[index]!}
              index={index}
              choices={preReviews}
              readOnly={readOnly}
              onItem={(item) =>
                onChange(
                  'items',
                  data.items.map((other, position) => (position === index ? item : other)),
                )
              }
            />
            {boxes.map((box) => {
              const fields = box.fields.filter(isItemField);
              if (fields.length === 0) return null;
              const packages = fields.some((field) => field.path === 'items[].packageKind')
                ? certificateText.packages[index]
                : undefined;
              return (
                <div key={box.number} className={marked?.has(box.number) ? 'item-box marked' : 'item-box'}>
                  <p className="item-box-title">
                    <BoxLegend box={box} marked={marked?.has(box.number) ?? false} />
                  </p>
                  <div className="field-row">
                    {fields.map((field) => (
                      <FieldControl
                        key={field.path}
                        {...base}
                        field={field}
                        path={concretePath(field.path, index)}
                      />
                    ))}
                  </div>
                  {packages && (
                    <p className="certificate-text">{t('application.onCertificate', { text: packages })}</p>
                  )}
                </div>
              );
            })}
            {!readOnly && data.items.length > 1 && (
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  onChange(
                    'items',
                    data.items.filter((__, position) => position !== index),
                  )
                }
              >
                {t('application.removeItem', { number: index + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {!readOnly && (
          <p className="buttons">
            <button
              type="button"
              className="secondary"
              disabled={full}
              onClick={() => onChange('items', [...data.items, blankItem(type)])}
            >
              {t('application.addItem')}
            </button>
            {full && <span className="muted">{t('application.itemsMax', { max: type.items.max })}</span>}
          </p>
        )}
      </fieldset>
      {boxes
        .filter((box) => box.fields.some((field) => !isItemField(field)))
        .map((box) => (
          <Box
            key={box.number}
            {...base}
            box={box}
            fields={box.fields.filter((field) => !isItemField(field))}
            continued
          />
        ))}
    </>
  );
}
