import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { StepUpChallengeSuccessEvent } from 'passkey-elements';

const post = (path: string, body: object) =>
  fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (response) => response.json(),
  );

@Component({
  selector: 'app-root',
  // The tags are custom elements: Angular binds [property] as properties and (event) as listeners.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    @if (config(); as config) {
      <passkey-enroll
        [tenantId]="config.tenantId"
        [baseUrl]="config.baseUrl"
        token-url="/api/enroll-token"
        (passkey-enroll-success)="status.set('Passkey added.')"
      ></passkey-enroll>
      <form (submit)="send($event, amount.value)">
        <label for="amount">Amount</label>
        <input id="amount" #amount inputmode="decimal" />
        <button type="submit">Send</button>
      </form>
      <!-- readme:start -->
      <step-up-challenge
        [tenantId]="config.tenantId"
        [baseUrl]="config.baseUrl"
        [token]="transfer()?.token"
        [open]="!!transfer()"
        modal
        (step-up-challenge-success)="confirmed($event)"
        (step-up-challenge-cancel)="transfer.set(undefined)"
      >
        <span slot="description">Confirm the transfer of {{ '$' + amount.value }}</span>
      </step-up-challenge>
      <!-- readme:end -->
    }
    <p role="status">{{ status() }}</p>
  `,
})
export class AppComponent {
  readonly config = signal<{ tenantId: string; baseUrl: string } | undefined>(undefined);
  readonly transfer = signal<{ id: string; token: string } | undefined>(undefined);
  readonly status = signal('');

  constructor() {
    void fetch('/api/config')
      .then((response) => response.json())
      .then((config) => this.config.set(config));
  }

  async send(event: Event, amount: string) {
    event.preventDefault();
    const answer = await post('/api/transfers', { amount: Number(amount) });
    if (answer.requiresVerification) this.transfer.set(answer);
    else this.status.set('Sent.');
  }

  // With CUSTOM_ELEMENTS_SCHEMA, $event is an Event: the event's own class narrows it.
  async confirmed(event: Event) {
    if (!(event instanceof StepUpChallengeSuccessEvent)) return;
    const { status } = await post('/api/transfers/confirm', { id: this.transfer()!.id, token: event.detail.token });
    this.transfer.set(undefined);
    this.status.set(status === 'executed' ? 'Sent after confirmation.' : 'Not confirmed.');
  }
}
