/** The content types most requests are declared with. */
export const JSON_TYPE = 'application/json';
export const TEXT_TYPE = 'text/plain';
export const FORM_TYPE = 'application/x-www-form-urlencoded';
