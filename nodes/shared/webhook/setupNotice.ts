/**
 * The words every webhook trigger's setup notice uses for what n8n's editor calls differently by
 * version: the URL sits under "Webhook URLs", collapsed and on the Test URL tab, and the workflow
 * is published (2.x) or activated (1.x).
 */
export const COPY_PRODUCTION_URL =
	'Open "Webhook URLs" above, switch to "Production URL" and copy it';

export const PUBLISH_TO_LISTEN =
	'Then publish the workflow (on n8n 1.x: switch it to Active): only then does the Production URL answer.';
