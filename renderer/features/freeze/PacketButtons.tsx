import { Button, ButtonGroup } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FreezeRequest } from '../../../shared/freeze';
import { ExportPacketDialog } from './ExportPacketDialog';
import { TemplatesDialog } from './TemplatesDialog';
import { VerifyPacketDialog } from './VerifyPacketDialog';

/** The two packet moves: build one from the register, and check one someone sent. */
export function PacketButtons({ caseId, requests }: { caseId: string; requests: FreezeRequest[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'export' | 'verify' | 'templates' | null>(null);
  return (
    <>
      <ButtonGroup>
        {requests.length > 0 ? (
          <Button
            icon="box"
            intent="primary"
            onClick={() => setOpen('export')}
            data-testid="packet-export-open"
          >
            {t('packet.export.button')}
          </Button>
        ) : null}
        <Button icon="document" onClick={() => setOpen('templates')} data-testid="packet-templates-open">
          {t('packet.templates.button')}
        </Button>
        <Button icon="endorsed" onClick={() => setOpen('verify')} data-testid="packet-verify-open">
          {t('packet.verify.button')}
        </Button>
      </ButtonGroup>
      {open === 'export' ? (
        <ExportPacketDialog caseId={caseId} requests={requests} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'verify' ? <VerifyPacketDialog onClose={() => setOpen(null)} /> : null}
      {open === 'templates' ? <TemplatesDialog caseId={caseId} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
