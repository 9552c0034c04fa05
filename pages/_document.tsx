import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';

type Props = DocumentInitialProps & { nonce?: string };

/**
 * The survey page's document: its language from the page's props, as the App Router's root layout
 * sets it, and proxy.ts's nonce on Next.js's own tags, which the Pages Router, unlike the App Router,
 * does not put on by itself. (Only `next dev` sends Next.js's scripts with this page: production
 * serves it with unstable_runtimeJS off.)
 */
export default class SurveyDocument extends Document<Props> {
  static async getInitialProps(context: DocumentContext): Promise<Props> {
    const initial = await Document.getInitialProps(context);
    const nonce = context.req?.headers['x-nonce'];
    return typeof nonce === 'string' ? { ...initial, nonce } : initial;
  }

  render() {
    const locale = (this.props.__NEXT_DATA__.props as { pageProps?: { locale?: string } }).pageProps?.locale ?? 'pl';
    return (
      <Html lang={locale}>
        <Head nonce={this.props.nonce} />
        <body>
          <Main />
          <NextScript nonce={this.props.nonce} />
        </body>
      </Html>
    );
  }
}
