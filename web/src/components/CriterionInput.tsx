import type { OriginCriterion } from '../api';
import { localised } from '../certificate-types';
import { useI18n } from '../i18n';
import type { ControlProps } from './BoxField';

/**
 * The origin criterion: one main criterion from the type's list, and where the agreement has them,
 * supplementary ones written after it ("CTC ACU").
 */
export function CriterionInput({
  criteria,
  value,
  onValue,
  ...control
}: ControlProps & { criteria: OriginCriterion[]; value: string; onValue: (value: string) => void }) {
  const { t, language } = useI18n();
  const known = new Map(criteria.map((criterion) => [criterion.code, criterion]));
  const codes = value.trim() === '' ? [] : value.trim().split(/[\s,]+/);
  const main = codes.find((code) => !known.get(code)?.supplementary) ?? '';
  const extra = codes.filter((code) => known.get(code)?.supplementary);
  const supplementary = criteria.filter((criterion) => criterion.supplementary);
  const compose = (nextMain: string, nextExtra: string[]) =>
    onValue(
      [
        nextMain,
        ...supplementary.filter((entry) => nextExtra.includes(entry.code)).map((entry) => entry.code),
      ]
        .filter(Boolean)
        .join(' '),
    );
  return (
    <>
      <select {...control} value={main} onChange={(event) => compose(event.target.value, extra)}>
        <option value="">{t('application.pick')}</option>
        {main !== '' && !known.has(main) && <option value={main}>{main}</option>}
        {criteria
          .filter((criterion) => !criterion.supplementary)
          .map((criterion) => (
            <option key={criterion.code} value={criterion.code}>
              {criterion.code} — {localised(criterion.label, language)}
            </option>
          ))}
      </select>
      {supplementary.length > 0 && (
        <div className="choices" role="group" aria-label={t('application.criterionTogether')}>
          {supplementary.map((criterion) => (
            <label key={criterion.code} className="choice">
              <input
                type="checkbox"
                checked={extra.includes(criterion.code)}
                onChange={(event) =>
                  compose(
                    main,
                    event.target.checked
                      ? [...extra, criterion.code]
                      : extra.filter((code) => code !== criterion.code),
                  )
                }
              />
              {criterion.code} — {localised(criterion.label, language)}
            </label>
          ))}
        </div>
      )}
    </>
  );
}
