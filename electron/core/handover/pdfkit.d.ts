// pdfkit ships no typings; this declares the part of its API the handover PDF uses (checked
// against pdfkit 0.20's source: js/pdfkit.node.mjs).
declare module 'pdfkit' {
  interface TextOptions {
    width?: number
    height?: number
    align?: 'left' | 'center' | 'right' | 'justify'
    continued?: boolean
    lineBreak?: boolean
    indent?: number
    lineGap?: number
    paragraphGap?: number
    characterSpacing?: number
  }
  interface DocumentOptions {
    size?: string
    margins?: { top: number; bottom: number; left: number; right: number }
    bufferPages?: boolean
    lang?: string
    displayTitle?: boolean
    info?: {
      Title?: string
      Author?: string
      Subject?: string
      Creator?: string
      Producer?: string
      CreationDate?: Date
      ModDate?: Date
    }
  }
  interface Page {
    width: number
    height: number
    margins: { top: number; bottom: number; left: number; right: number }
  }
  class PDFDocument {
    constructor(options?: DocumentOptions)
    x: number
    y: number
    page: Page
    registerFont(name: string, src: Buffer): this
    font(name: string): this
    fontSize(size: number): this
    fillColor(color: string): this
    strokeColor(color: string): this
    lineWidth(width: number): this
    text(text: string, options?: TextOptions): this
    text(text: string, x: number, y: number, options?: TextOptions): this
    heightOfString(text: string, options?: TextOptions): number
    currentLineHeight(includeGap?: boolean): number
    widthOfString(text: string, options?: TextOptions): number
    moveDown(lines?: number): this
    addPage(): this
    rect(x: number, y: number, w: number, h: number): this
    fill(color?: string): this
    stroke(color?: string): this
    fillAndStroke(fill: string, stroke: string): this
    moveTo(x: number, y: number): this
    lineTo(x: number, y: number): this
    bufferedPageRange(): { start: number; count: number }
    switchToPage(n: number): this
    on(event: 'data', listener: (chunk: Buffer) => void): this
    on(event: 'end', listener: () => void): this
    on(event: 'error', listener: (error: Error) => void): this
    end(): void
  }
  export default PDFDocument
}
