import { LightningElement } from 'lwc';

/** The Billomat Export tab as an admin opens it in Lightning Experience. */
export default class AdminPage extends LightningElement {}
