import { useEffect, useState } from 'react';
import type { CertificateType, GoodsItem } from '../api';
import { api } from '../api';
import { useI18n } from '../i18n';

/** A pre-review an item of this type may rest on: in force and conforming under the type's agreement. */
export interface PreReviewChoice {
  id: string;
  label: string;
  hsCode: string;
  criterion: string;
  nameEn: string;
}

/** The enterprise's pre-reviews usable for a certificate type (none for those who file for others). */
export function usePreReviewChoices(type: CertificateType, enabled: boolean): PreReviewChoice[] {
  const [choices, setChoices] = useState<PreReviewChoice[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    Promise.all([api.listPreReviews({ usableFor: type.code }), api.listOriginAgreements()]).then(
      ([preReviews, agreements]) => {
        const agreement = agreements.items.find((candidate) =>
          candidate.certificateTypes.includes(type.code),
        );
        if (!current || !agreement) return;
        setChoices(
          preReviews.items.map((preReview) => ({
            id: preReview.id,
            label: `${preReview.nameEn}${preReview.model ? ` ${preReview.model}` : ''} · ${preReview.hsCode}`,
            hsCode: preReview.hsCode,
            criterion:
              preReview.decision?.results.find((result) => result.agreement === agreement.id)?.criterion ??
              '',
            nameEn: preReview.nameEn,
          })),
        );
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      current = false;
    };
  }, [type.code, enabled]);
  return choices;
}

/**
 * The product pre-review an item rests on. Choosing one fills the item's HS code (as many digits as the
 * type prints) and origin criterion from it, and the description when it is still empty; the automated
 * review then checks they still agree.
 */
export function PreReviewPicker({
  type,
  item,
  index,
  choices,
  readOnly,
  onItem,
}: {
  type: CertificateType;
  item: GoodsItem;
  index: number;
  choices: readonly PreReviewChoice[];
  readOnly: boolean;
  onItem: (item: GoodsItem) => void;
}) {
  const { t } = useI18n();
  const id = `pre-review-${index}`;
  if (readOnly)
    return item.preReviewId ? (
      <p className="muted">
        {t('appField.items[].preReviewId')}:{' '}
        <a href={`#/pre-reviews/${item.preReviewId}`}>{item.preReviewId}</a>
      </p>
    ) : null;
  if (choices.length === 0 && !item.preReviewId) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('appField.items[].preReviewId')}</label>
      <select
        id={id}
        value={item.preReviewId}
        onChange={(event) => {
          const chosen = choices.find((choice) => choice.id === event.target.value);
          if (!chosen) {
            onItem({ ...item, preReviewId: '' });
            return;
          }
          onItem({
            ...item,
            preReviewId: chosen.id,
            hsCode: type.items.hsDigits ? chosen.hsCode.slice(0, type.items.hsDigits) : chosen.hsCode,
            originCriterion: chosen.criterion,
            description: item.description || `${chosen.nameEn.toUpperCase()}***`,
          });
        }}
      >
        <option value="">{t('application.noPreReview')}</option>
        {item.preReviewId && !choices.some((choice) => choice.id === item.preReviewId) && (
          <option value={item.preReviewId}>{item.preReviewId}</option>
        )}
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
      <small className="hint">{t('application.preReviewHint')}</small>
    </div>
  );
}
