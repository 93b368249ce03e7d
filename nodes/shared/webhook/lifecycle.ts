import type { IHookFunctions } from 'n8n-workflow';

/**
 * Lifecycle methods for a webhook the user pastes into the vendor's admin by hand: there is
 * nothing to register or remove at the vendor.
 */
export const manuallyConfiguredWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
