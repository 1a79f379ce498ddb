import type { OriginComparison, OriginDetermination, RuleEvaluation } from '../api';
import { countryName } from '../countries';
import { useI18n } from '../i18n';

/**
 * The engine's answer: one line per agreement side by side, then for each agreement the summary, the
 * rule used and where it comes from, every test with its arithmetic, how each material counted, and what
 * would change the answer.
 */
export function OriginResults({ comparison }: { comparison: OriginComparison }) {
  const { t, language } = useI18n();
  return (
    <section className="card wide" aria-labelledby="origin-results">
      <h2 id="origin-results">{t('origin.results')}</h2>
      <table className="table">
        <caption className="visually-hidden">{t('origin.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('origin.agreement')}</th>
            <th scope="col">{t('origin.status')}</th>
            <th scope="col">{t('origin.originCountry')}</th>
            <th scope="col">{t('origin.criterion')}</th>
            <th scope="col">{t('origin.fobPrinted')}</th>
            <th scope="col">{t('origin.ruleSource')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.agreement}>
              <th scope="row">{row.agreement}</th>
              <td>
                <span className={`status status-${row.status.toLowerCase()}`}>
                  {t(`origin.status.${row.status}`)}
                </span>
              </td>
              <td>{row.originCountry ? countryName(row.originCountry, language) : '—'}</td>
              <td>{row.criterion ?? '—'}</td>
              <td>{row.fobRequired ? t('common.yes') : t('common.no')}</td>
              <td>{t(`origin.source.${row.ruleSource}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.determinations.map((determination) => (
        <Determination key={determination.agreement.id} determination={determination} />
      ))}
    </section>
  );
}

function Determination({ determination }: { determination: OriginDetermination }) {
  const { t, language } = useI18n();
  const name = language === 'en' ? determination.agreement.names.en : determination.agreement.names.zh;
  return (
    <details className="determination" open={determination.status !== 'MET'}>
      <summary>
        <strong>{determination.agreement.id}</strong> · {name} — {t(`origin.status.${determination.status}`)}
      </summary>
      <p lang="en">{determination.summary}</p>
      <p className="muted" lang="en">
        {determination.rule.note}
      </p>
      {determination.ruleEvaluation && (
        <>
          <h3>{t('origin.tests')}</h3>
          <EvaluationTree evaluation={determination.ruleEvaluation} />
        </>
      )}
      {determination.advice.length > 0 && (
        <>
          <h3>{t('origin.advice')}</h3>
          <ul>
            {determination.advice.map((advice, index) => (
              <li key={index} lang="en">
                {advice.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {determination.problems.length > 0 && (
        <>
          <h3>{t('origin.problems')}</h3>
          <ul>
            {determination.problems.map((problem) => (
              <li key={problem} lang="en">
                {problem}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('origin.howCounted')}</h3>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">{t('origin.materialName')}</th>
            <th scope="col">{t('origin.materialHs')}</th>
            <th scope="col">{t('origin.counted')}</th>
            <th scope="col">{t('origin.value')}</th>
            <th scope="col">{t('origin.nonOriginatingValue')}</th>
          </tr>
        </thead>
        <tbody>
          {determination.materials.map((material) => (
            <tr key={material.index}>
              <td>{material.name}</td>
              <td>{material.hsCode}</td>
              <td lang="en">
                {material.status.replaceAll('_', ' ')} ({material.basis.replaceAll('_', ' ')})
              </td>
              <td>{material.value}</td>
              <td>{material.nonOriginatingValue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Every branch tried: AND / OR with their operands, each test with its sentence and arithmetic. */
function EvaluationTree({ evaluation }: { evaluation: RuleEvaluation }) {
  const { t } = useI18n();
  return (
    <ul className="evaluation">
      <li>
        <code>{evaluation.rule}</code>{' '}
        <span className={`status status-${evaluation.status.toLowerCase()}`}>
          {t(`origin.status.${evaluation.status}`)}
        </span>
        <div lang="en">{evaluation.sentence}</div>
        {evaluation.operands?.map((operand, index) => (
          <EvaluationTree key={index} evaluation={operand} />
        ))}
      </li>
    </ul>
  );
}
