using Edge.Agent.Cameras.Sources.Folder;
using Edge.Agent.Configuration;
using Edge.Detection.Frames;

namespace Edge.Agent.Tests.Configuration;

public class CameraConfigTests
{
    private static CameraConfig Camera(double? threshold = null, params RoiPolygon[] roi) =>
        new() { Name = "c", Source = new FolderSourceSettings("/f"), Threshold = threshold, Roi = roi };

    [Fact]
    public void The_camera_threshold_wins_over_the_alarms_threshold_which_wins_over_the_bundle()
    {
        Assert.Equal(0.7, Camera(0.7).ThresholdFor(new AlarmConfig { Threshold = 0.6 }, 0.5));
        Assert.Equal(0.6, Camera().ThresholdFor(new AlarmConfig { Threshold = 0.6 }, 0.5));
        Assert.Equal(0.5, Camera().ThresholdFor(new AlarmConfig(), 0.5));
    }

    [Fact]
    public void A_camera_s_product_class_picks_the_bundle_class_by_name_and_defaults_to_the_first()
    {
        var plain = Camera();
        var bottles = Camera() with { ProductClass = "bottle" };

        Assert.Equal(0, plain.ClassIndexIn(["screw"]));
        Assert.Equal(1, bottles.ClassIndexIn(["screw", "bottle"]));
        Assert.Equal(0, plain.ClassIndexIn(["screw", "bottle"]));
        Assert.Contains("class 'bottle' is not one of the bundle's product classes (screw)", Assert.Throws<ArgumentException>(() => bottles.ClassIndexIn(["screw"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_of_interest_admit_pixels_inside_any_polygon_and_no_region_admits_all()
    {
        var square = new RoiPolygon([(0, 0), (10, 0), (10, 10), (0, 10)]);
        var triangle = new RoiPolygon([(20, 0), (30, 0), (20, 10)]);
        var camera = Camera(null, square, triangle);

        Assert.True(camera.InRegionOfInterest(5, 5));
        Assert.True(camera.InRegionOfInterest(21, 1));
        Assert.False(camera.InRegionOfInterest(29, 9));
        Assert.False(camera.InRegionOfInterest(15, 5));
        Assert.True(Camera().InRegionOfInterest(1000, 1000));
    }
}
