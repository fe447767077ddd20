import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../session.ts';

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM types). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

const Detector = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

/**
 * Reads the QR code on an agenda with the phone's camera, where the browser can (the Barcode
 * Detection API: Chrome on Android, among others); elsewhere the button is not shown and the code is
 * typed, or a scanner that types it is used. Hands the code over once and stops the camera.
 */
export function CameraScan({ onCode }: { onCode: (code: string) => void }) {
  const t = useT();
  const [on, setOn] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (!on || !Detector) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let live = true;
    const detector = new Detector({ formats: ['qr_code'] });
    const stop = () => {
      live = false;
      clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(
      (s) => {
        stream = s;
        if (!live || !video.current) return stop();
        video.current.srcObject = s;
        void video.current.play();
        timer = window.setInterval(() => {
          if (!video.current) return;
          detector.detect(video.current).then(
            (codes) => {
              const code = codes[0]?.rawValue;
              if (!code || !live) return;
              stop();
              setOn(false);
              onCode(code);
            },
            () => undefined,
          );
        }, 300);
      },
      () => setOn(false),
    );
    return stop;
  }, [on]);
  if (!Detector || !navigator.mediaDevices) return null;
  return (
    <div class="camera-scan">
      <button type="button" class="outline" aria-pressed={on} onClick={() => setOn(!on)}>
        {t(on ? 'cancel' : 'scanWithCamera')}
      </button>
      {on && <video ref={video} muted playsInline aria-label={t('scanWithCamera')} />}
    </div>
  );
}
