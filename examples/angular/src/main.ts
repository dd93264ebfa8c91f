import { provideZoneChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'passkey-elements';
import { AppComponent } from './app/app.component';

bootstrapApplication(AppComponent, { providers: [provideZoneChangeDetection()] }).catch((error) =>
  console.error(error),
);
