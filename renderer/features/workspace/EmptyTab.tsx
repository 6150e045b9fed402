import { NonIdealState, type IconName } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';

/** An empty tab that says what the investigator does next to fill it. */
export function EmptyTab({ tab, icon }: { tab: string; icon: IconName }) {
  const { t } = useTranslation();
  return (
    <div className="mt-tab-empty" data-testid={`empty-${tab}`}>
      <NonIdealState
        icon={icon}
        title={t(`empty.${tab}.title`)}
        description={t(`empty.${tab}.description`)}
      />
    </div>
  );
}
