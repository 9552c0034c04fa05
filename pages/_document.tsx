import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document';

/** The survey page's document: its language from the page's props, as the App Router's root layout sets it. */
export default function Document(props: DocumentProps) {
  const locale = (props.__NEXT_DATA__.props as { pageProps?: { locale?: string } }).pageProps?.locale ?? 'pl';
  return (
    <Html lang={locale}>
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
