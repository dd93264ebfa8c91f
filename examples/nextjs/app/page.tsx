import { Transfer } from './transfer';

// Rendered on the server: no browser global is touched here, the elements come with the client.
export default function Page() {
  return (
    <main>
      <h1>Send money</h1>
      <Transfer tenantId={process.env.AUTHSIGNAL_TENANT_ID!} baseUrl={process.env.AUTHSIGNAL_API_URL!} />
    </main>
  );
}

export const dynamic = 'force-dynamic';
