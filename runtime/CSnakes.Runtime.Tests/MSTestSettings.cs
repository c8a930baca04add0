// One interpreter per process and most tests share it; parallel tests would only fight for the GIL.
[assembly: DoNotParallelize]
